/**
 * The departments of the demo seed. Lines (条) run from the province down: 哈尔滨市公安局 sits in
 * 哈尔滨市 (块) and on the line of 省公安厅. Names are the real style of Heilongjiang's units.
 */
export type DepartmentLine = {
  line: string;
  province: [zh: string, en: string];
  city: (city: string) => [zh: string, en: string];
  county?: (county: string, city: string) => [zh: string, en: string];
};

export const DEPARTMENT_LINES: DepartmentLine[] = [
  {
    line: 'ZWFW',
    province: ['黑龙江省政务服务管理办公室', 'Heilongjiang Government Services Administration Office'],
    city: (c) => [`${c}政务服务管理办公室`, 'Municipal Government Services Administration Office'],
    county: (c) => [`${c}政务服务中心`, 'District Government Services Centre'],
  },
  {
    line: 'SCJG',
    province: ['黑龙江省市场监督管理局', 'Heilongjiang Administration for Market Regulation'],
    city: (c) => [`${c}市场监督管理局`, 'Municipal Administration for Market Regulation'],
    county: (c) => [`${c}市场监督管理局`, 'District Administration for Market Regulation'],
  },
  {
    line: 'GA',
    province: ['黑龙江省公安厅', 'Heilongjiang Public Security Department'],
    city: (c) => [`${c}公安局`, 'Municipal Public Security Bureau'],
    county: (county, city) => [
      `${city}公安局${county.replace(/区$/, '')}分局`,
      'District Public Security Sub-bureau',
    ],
  },
  {
    line: 'XF',
    province: ['黑龙江省信访局', 'Heilongjiang Bureau of Letters and Visits'],
    city: (c) => [`${c}信访局`, 'Municipal Bureau of Letters and Visits'],
    county: (c) => [`${c}信访局`, 'District Bureau of Letters and Visits'],
  },
  {
    line: 'SJ',
    province: ['黑龙江省审计厅', 'Heilongjiang Audit Department'],
    city: (c) => [`${c}审计局`, 'Municipal Audit Bureau'],
  },
  {
    line: 'TJ',
    province: ['黑龙江省统计局', 'Heilongjiang Bureau of Statistics'],
    city: (c) => [`${c}统计局`, 'Municipal Bureau of Statistics'],
  },
  {
    line: 'YJ',
    province: ['黑龙江省应急管理厅', 'Heilongjiang Emergency Management Department'],
    city: (c) => [`${c}应急管理局`, 'Municipal Emergency Management Bureau'],
  },
  {
    line: 'DA',
    province: ['黑龙江省档案局', 'Heilongjiang Archives Administration'],
    city: (c) => [`${c}档案局`, 'Municipal Archives Administration'],
  },
];

export const DEMO_CITIES = ['230100', '230200'];
export const DEMO_COUNTIES = ['230102', '230103'];
