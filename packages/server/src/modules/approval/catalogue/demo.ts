import { CENTRAL_SERVICES } from './demoCentral.ts';
import { MARKET_SERVICES } from './demoMarket.ts';
import type { DemoService } from './demoParts.ts';

export type { DemoService } from './demoParts.ts';

/**
 * The demo catalogue: five licensing services of Harbin with their real legal bases. Demo data
 * only; a real installation's departments write their own guides.
 *
 * Owners. The org seed has market regulation (SCJG) but no housing-and-construction or transport
 * departments, and none is added here. 食品经营许可, 个体工商户登记 and 药品零售 belong to
 * 哈尔滨市市场监督管理局 (below the province, drug retail is licensed by the market regulators:
 * 药品管理法第51条 "县级以上地方人民政府药品监督管理部门"). 建筑工程施工许可 and 道路旅客运输经营许可
 * are given to 哈尔滨市政务服务管理办公室 as the unit that holds concentrated licensing powers
 * (相对集中行政许可权, 行政许可法第25条, as the 行政审批局 reforms did); a real installation gives
 * them to its 住房和城乡建设局 and 交通运输局.
 *
 * Time limits (working days, the platform's only unit):
 * - 食品经营许可: 10, +5. The 2023 《食品经营许可和备案管理办法》 (总局令第78号, in force 2023-12-01)
 *   cut the 20 (+10) of the 2015 measures (总局令第17号 第17条) to 10 (+5). The article number of the
 *   2023 text was not checked against the gazette, so the basis names the measures only.
 * - 个体工商户设立登记: on the spot, else 3, +3 (市场主体登记管理条例第19条).
 * - 药品零售企业许可: 20, +10 (行政许可法第42条); the 2023 《药品经营和使用质量监督管理办法》 was not
 *   checked for a shorter limit, so the Licensing Law's general one is used.
 * - 建筑工程施工许可: 7 (建筑法第8条第2款, "七日", since the 2019 amendment; counted in working days
 *   as local guides do, our interpretation), no extension (the law gives none).
 * - 道路旅客运输经营许可: 20 (道路运输条例第10条, "20日", counted in working days), no extension: the
 *   regulation sets its own limit, so 行政许可法第42条's +10 is not assumed (interpretation).
 * Committed limits (承诺时限) are shorter, as Heilongjiang's 办事指南 usually promise.
 */
export const DEMO_SERVICES: DemoService[] = [...MARKET_SERVICES, ...CENTRAL_SERVICES];
