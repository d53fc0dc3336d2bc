import type { createServiceSchema, materialFormats } from '@yiwang/contracts';
import type { z } from 'zod';

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
export type DemoService = z.input<typeof createServiceSchema> & { unitCode: string };

type Format = (typeof materialFormats)[number];
const PDF: Format = 'application/pdf';
const JPEG: Format = 'image/jpeg';
const PNG: Format = 'image/png';
const DOCX: Format = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OFD: Format = 'application/ofd';
const SCANS: Format[] = [PDF, JPEG, PNG, OFD];

const CREDIT_CODE = '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$';
const SHARED = '可通过政务数据共享获取的，无需提交（《国务院关于在线政务服务的若干规定》第七条）';
const CONTACT_SCJG =
  '哈尔滨市政务服务中心市场监管综合窗口（工作日 8:30—16:30）；咨询电话 12345 政务服务便民热线';
const CONTACT_ZWFW =
  '哈尔滨市政务服务中心工程建设和交通运输综合窗口（工作日 8:30—16:30）；咨询电话 12345 政务服务便民热线';

const agentMaterial = {
  slot: 'agent_authorisation',
  name: { zh: '授权委托书及代理人身份证明', en: 'Power of attorney and the agent’s identity document' },
  required: false,
  formats: SCANS,
  note: '委托他人代为办理的提交',
};

export const DEMO_SERVICES: DemoService[] = [
  {
    unitCode: '230100-SCJG',
    code: '230100-SCJG-XK-001',
    unitId: '',
    name: { zh: '食品经营许可', en: 'Food business licence' },
    legalBasis:
      '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。但是，销售食用农产品和仅销售预包装食品的，不需要取得许可；仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。\n《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）。',
    conditions:
      '（一）具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，保持该场所环境整洁，并与有毒、有害场所以及其他污染源保持规定的距离；\n（二）具有与经营的食品品种、数量相适应的经营设备或者设施，有相应的消毒、更衣、盥洗、采光、照明、通风、防腐、防尘、防蝇、防鼠、防虫、洗涤以及处理废水、存放垃圾和废弃物的设备或者设施；\n（三）有专职或者兼职的食品安全专业技术人员、食品安全管理人员和保证食品安全的规章制度；\n（四）具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染，避免食品接触有毒物、不洁物。',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '食品经营许可申请书', en: 'Application form for a food business licence' },
        required: true,
        formats: [PDF, OFD],
        sampleText:
          '申请人：哈尔滨市道里区示例食品有限公司；主体业态：餐饮服务经营者；经营项目：热食类食品制售……（申请人签字或盖章）',
      },
      {
        slot: 'layout_and_equipment',
        name: {
          zh: '主要设备设施、经营布局和操作流程文件',
          en: 'Main equipment, premises layout and working procedures',
        },
        required: true,
        formats: [PDF, JPEG, PNG],
        maxBytes: 20 * 1024 * 1024,
        note: '含经营场所平面布局图，标明加工、贮存、销售等功能区',
      },
      {
        slot: 'safety_rules',
        name: { zh: '食品安全管理制度目录', en: 'List of food safety rules' },
        required: true,
        formats: [PDF, DOCX],
        note: '包括从业人员健康管理、进货查验记录、食品安全自查、食品安全事故处置等制度',
      },
      {
        slot: 'business_licence',
        name: {
          zh: '营业执照或者其他主体资格证明文件',
          en: 'Business licence or other proof of legal status',
        },
        required: false,
        formats: SCANS,
        note: SHARED,
      },
      agentMaterial,
    ],
    formSchema: {
      type: 'object',
      required: [
        'operatorName',
        'creditCode',
        'legalRepresentative',
        'premisesAddress',
        'mainBusiness',
        'items',
      ],
      properties: {
        operatorName: { type: 'string', title: '经营者名称', maxLength: 100 },
        creditCode: { type: 'string', title: '统一社会信用代码', pattern: CREDIT_CODE, maxLength: 18 },
        legalRepresentative: { type: 'string', title: '法定代表人（负责人）', maxLength: 50 },
        premisesAddress: { type: 'string', title: '经营场所', maxLength: 200 },
        mainBusiness: {
          type: 'string',
          title: '主体业态',
          enum: ['食品销售经营者', '餐饮服务经营者', '单位食堂'],
        },
        items: {
          type: 'array',
          title: '经营项目',
          minItems: 1,
          uniqueItems: true,
          items: {
            type: 'string',
            enum: [
              '预包装食品销售（含冷藏冷冻食品）',
              '散装食品销售',
              '特殊食品销售',
              '热食类食品制售',
              '冷食类食品制售',
              '生食类食品制售',
              '自制饮品制售',
            ],
          },
        },
        premisesArea: { type: 'number', title: '经营场所面积（平方米）', minimum: 1, maximum: 100000 },
        safetyManager: { type: 'string', title: '食品安全管理人员', maxLength: 50 },
      },
    },
    uiSchema: {
      'ui:order': [
        'operatorName',
        'creditCode',
        'legalRepresentative',
        'premisesAddress',
        'mainBusiness',
        'items',
        'premisesArea',
        'safetyManager',
      ],
      items: { 'ui:widget': 'checkboxes' },
      creditCode: { 'ui:placeholder': '18位统一社会信用代码' },
    },
    timeLimit: {
      limit: 10,
      basis: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
      extendBy: 5,
    },
    committedDays: 5,
    contact: CONTACT_SCJG,
    themes: ['准营准办', '食品安全'],
    lifeEvents: ['开办企业', '开办餐饮店'],
    fourEyes: true,
    // Premises are inspected by at least two inspectors (现场核查): 行政许可法第34条.
    substantiveCheck: true,
  },
  {
    unitCode: '230100-SCJG',
    code: '230100-SCJG-DJ-001',
    unitId: '',
    name: { zh: '个体工商户设立登记', en: 'Registration of an individual business' },
    legalBasis:
      '《促进个体工商户发展条例》（国务院令第755号）第二条：有经营能力的公民在中华人民共和国境内从事工商业经营，依照《中华人民共和国市场主体登记管理条例》登记为个体工商户的，适用本条例。\n《中华人民共和国市场主体登记管理条例》（国务院令第746号）第三条、第十九条。',
    conditions:
      '（一）经营者为有经营能力的公民；\n（二）有固定的经营场所；\n（三）经营范围不属于法律、行政法规禁止的项目，属于依法须经批准的项目的，取得批准后方可开展经营活动。',
    materials: [
      {
        slot: 'application_form',
        name: {
          zh: '个体工商户登记（备案）申请书',
          en: 'Application for registration of an individual business',
        },
        required: true,
        formats: [PDF, OFD],
        sampleText:
          '经营者：张三；组成形式：个人经营；经营场所：哈尔滨市道里区示例街1号；经营范围：日用百货零售……',
      },
      {
        slot: 'premises_proof',
        name: { zh: '经营场所使用证明', en: 'Proof of the right to use the premises' },
        required: true,
        formats: SCANS,
        note: '自有房产提交产权证明，租赁房屋提交租赁合同',
      },
      {
        slot: 'family_proof',
        name: { zh: '家庭成员关系证明', en: 'Proof of the family relationship' },
        required: false,
        formats: SCANS,
        note: '组成形式为家庭经营的提交',
      },
      agentMaterial,
    ],
    formSchema: {
      type: 'object',
      required: ['operatorName', 'organisationForm', 'premisesAddress', 'businessScope'],
      properties: {
        operatorName: { type: 'string', title: '经营者姓名', maxLength: 50 },
        organisationForm: { type: 'string', title: '组成形式', enum: ['个人经营', '家庭经营'] },
        businessName: { type: 'string', title: '个体工商户名称（可不使用名称）', maxLength: 100 },
        premisesAddress: { type: 'string', title: '经营场所', maxLength: 200 },
        businessScope: { type: 'string', title: '经营范围', maxLength: 1000 },
        capital: { type: 'number', title: '资金数额（万元）', minimum: 0, maximum: 100000 },
        employees: { type: 'integer', title: '从业人数', minimum: 1, maximum: 1000 },
      },
    },
    uiSchema: {
      businessScope: { 'ui:widget': 'textarea' },
      organisationForm: { 'ui:widget': 'radio' },
    },
    timeLimit: {
      limit: 3,
      basis:
        '《中华人民共和国市场主体登记管理条例》第十九条：对申请材料齐全、符合法定形式的予以确认并当场登记；不能当场登记的，应当在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日',
      extendBy: 3,
    },
    committedDays: 1,
    onTheSpot: true,
    contact: CONTACT_SCJG,
    themes: ['设立变更'],
    lifeEvents: ['开办企业', '开办个体工商户'],
  },
  {
    unitCode: '230100-SCJG',
    code: '230100-SCJG-XK-002',
    unitId: '',
    name: { zh: '药品零售企业许可', en: 'Licence for a pharmaceutical retail business' },
    legalBasis:
      '《中华人民共和国药品管理法》第五十一条第一款：从事药品零售活动，应当经所在地县级以上地方人民政府药品监督管理部门批准，取得药品经营许可证。\n第五十二条：从事药品经营活动应当具备的条件。\n第五十三条：从事药品经营活动，应当遵守药品经营质量管理规范，建立健全药品经营质量管理体系，保证药品经营全过程持续符合法定要求。\n《药品经营和使用质量监督管理办法》（国家市场监督管理总局令第84号）。',
    conditions:
      '（一）有依法经过资格认定的药师或者其他药学技术人员；\n（二）有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境；\n（三）有与所经营药品相适应的质量管理机构或者人员；\n（四）有保证药品质量的规章制度，并符合药品经营质量管理规范要求。\n药品零售企业的设置应当遵循方便群众购药的原则。',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '药品经营许可证申请表', en: 'Application form for a drug business licence' },
        required: true,
        formats: [PDF, OFD],
      },
      {
        slot: 'pharmacist_proof',
        name: {
          zh: '执业药师注册证明及聘用合同',
          en: 'Licensed pharmacist’s registration and employment contract',
        },
        required: true,
        formats: SCANS,
      },
      {
        slot: 'premises_layout',
        name: {
          zh: '营业场所、仓库平面布置图及房屋使用证明',
          en: 'Layout of the shop and store room, and the right to use them',
        },
        required: true,
        formats: [PDF, JPEG, PNG],
        maxBytes: 20 * 1024 * 1024,
      },
      {
        slot: 'quality_system',
        name: {
          zh: '质量管理文件及主要设施设备目录',
          en: 'Quality management documents and list of main equipment',
        },
        required: true,
        formats: [PDF, DOCX],
      },
      agentMaterial,
    ],
    formSchema: {
      type: 'object',
      required: [
        'enterpriseName',
        'creditCode',
        'legalRepresentative',
        'qualityManager',
        'pharmacists',
        'scope',
      ],
      properties: {
        enterpriseName: { type: 'string', title: '企业名称', maxLength: 100 },
        creditCode: { type: 'string', title: '统一社会信用代码', pattern: CREDIT_CODE, maxLength: 18 },
        legalRepresentative: { type: 'string', title: '法定代表人', maxLength: 50 },
        qualityManager: { type: 'string', title: '质量负责人（执业药师）', maxLength: 50 },
        pharmacists: { type: 'integer', title: '执业药师人数', minimum: 1, maximum: 100 },
        mode: { type: 'string', title: '经营方式', enum: ['药品零售', '药品零售连锁门店'] },
        scope: {
          type: 'array',
          title: '经营范围',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: ['中药饮片', '中成药', '化学药', '生物制品'] },
        },
        premisesArea: { type: 'number', title: '营业场所面积（平方米）', minimum: 1, maximum: 10000 },
      },
    },
    uiSchema: { scope: { 'ui:widget': 'checkboxes' } },
    committedDays: 15,
    contact: CONTACT_SCJG,
    themes: ['准营准办', '医疗卫生'],
    lifeEvents: ['开办企业', '开办药店'],
    fourEyes: true,
    // The shop is inspected against 药品经营质量管理规范 (GSP) before the licence: 第34条, two inspectors.
    substantiveCheck: true,
  },
  {
    unitCode: '230100-ZWFW',
    code: '230100-ZWFW-XK-001',
    unitId: '',
    name: { zh: '建筑工程施工许可', en: 'Construction permit for a building project' },
    legalBasis:
      '《中华人民共和国建筑法》第七条：建筑工程开工前，建设单位应当按照国家有关规定向工程所在地县级以上人民政府建设行政主管部门申请领取施工许可证。\n第八条：申请领取施工许可证应当具备的条件；建设行政主管部门应当自收到申请之日起七日内，对符合条件的申请颁发施工许可证。\n《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）。',
    conditions:
      '（一）已经办理该建筑工程用地批准手续；\n（二）依法应当办理建设工程规划许可证的，已经取得建设工程规划许可证；\n（三）需要拆迁的，其拆迁进度符合施工要求；\n（四）已经确定建筑施工企业；\n（五）有满足施工需要的资金安排、施工图纸及技术资料；\n（六）有保证工程质量和安全的具体措施。\n工程投资额在30万元以下或者建筑面积在300平方米以下的建筑工程，可以不申请办理施工许可证。',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '建筑工程施工许可证申请表', en: 'Application form for a construction permit' },
        required: true,
        formats: [PDF, OFD],
      },
      {
        slot: 'construction_contract',
        name: { zh: '施工合同', en: 'Construction contract' },
        required: true,
        formats: [PDF, OFD],
        maxBytes: 30 * 1024 * 1024,
      },
      {
        slot: 'funding_commitment',
        name: { zh: '建设资金已经落实承诺书', en: 'Undertaking that the funding is in place' },
        required: true,
        formats: [PDF, OFD],
        sampleText:
          '我单位承诺：××工程建设资金已经落实，如有不实，愿承担相应法律责任。建设单位（盖章）  年  月  日',
      },
      {
        slot: 'quality_safety_measures',
        name: { zh: '保证工程质量和安全的具体措施', en: 'Measures to ensure quality and safety' },
        required: true,
        formats: [PDF, DOCX],
      },
      {
        slot: 'planning_permit',
        name: { zh: '用地批准手续及建设工程规划许可证', en: 'Land-use approval and planning permit' },
        required: false,
        formats: SCANS,
        note: SHARED,
      },
      agentMaterial,
    ],
    formSchema: {
      type: 'object',
      required: [
        'projectName',
        'builder',
        'projectAddress',
        'projectType',
        'contractPrice',
        'floorArea',
        'contractor',
      ],
      properties: {
        projectName: { type: 'string', title: '工程名称', maxLength: 200 },
        builder: { type: 'string', title: '建设单位', maxLength: 100 },
        projectAddress: { type: 'string', title: '建设地址', maxLength: 200 },
        projectType: { type: 'string', title: '工程类别', enum: ['房屋建筑工程', '市政基础设施工程'] },
        contractPrice: { type: 'number', title: '合同价格（万元）', minimum: 0, maximum: 10000000 },
        floorArea: { type: 'number', title: '建筑面积（平方米）', minimum: 0, maximum: 10000000 },
        contractor: { type: 'string', title: '施工总承包单位', maxLength: 100 },
        plannedStart: { type: 'string', title: '计划开工日期', format: 'date' },
      },
    },
    uiSchema: { plannedStart: { 'ui:widget': 'date' } },
    timeLimit: {
      limit: 7,
      basis:
        '《中华人民共和国建筑法》第八条第二款：建设行政主管部门应当自收到申请之日起七日内，对符合条件的申请颁发施工许可证',
      extendBy: 0,
    },
    committedDays: 3,
    contact: CONTACT_ZWFW,
    themes: ['国土和规划建设'],
    lifeEvents: ['建设工程'],
    fourEyes: true,
  },
  {
    unitCode: '230100-ZWFW',
    code: '230100-ZWFW-XK-002',
    unitId: '',
    name: { zh: '道路旅客运输经营许可', en: 'Licence for road passenger transport' },
    legalBasis:
      '《中华人民共和国道路运输条例》第八条：申请从事客运经营应当具备的条件。\n第十条：申请从事客运经营的，应当依法向市场监督管理部门办理有关登记手续后，按照规定提出申请；收到申请的交通运输主管部门，应当自受理申请之日起20日内审查完毕，作出许可或者不予许可的决定。',
    conditions:
      '（一）有与其经营业务相适应并经检测合格的车辆；\n（二）有符合《中华人民共和国道路运输条例》第九条规定条件的驾驶人员；\n（三）有健全的安全生产管理制度。\n申请从事班线客运经营的，还应当有明确的线路和站点方案。',
    materials: [
      {
        slot: 'application_form',
        name: { zh: '道路旅客运输经营申请表', en: 'Application form for road passenger transport' },
        required: true,
        formats: [PDF, OFD],
      },
      {
        slot: 'vehicle_commitment',
        name: { zh: '拟投入车辆承诺书', en: 'Undertaking on the vehicles to be used' },
        required: true,
        formats: [PDF, OFD],
        sampleText: '拟投入客车××辆，车辆类型、座位数、技术等级符合要求，取得许可后按承诺投入运营。',
      },
      {
        slot: 'driver_qualification',
        name: { zh: '驾驶员从业资格证明及驾驶证', en: 'Drivers’ qualification certificates and licences' },
        required: true,
        formats: SCANS,
      },
      {
        slot: 'safety_rules',
        name: { zh: '安全生产管理制度文本', en: 'Safety management rules' },
        required: true,
        formats: [PDF, DOCX],
      },
      {
        slot: 'route_plan',
        name: { zh: '线路和站点方案', en: 'Route and stop plan' },
        required: false,
        formats: [PDF, JPEG, PNG],
        note: '申请班车客运的提交',
      },
    ],
    formSchema: {
      type: 'object',
      required: ['applicantName', 'creditCode', 'kind', 'area', 'vehicles', 'drivers'],
      properties: {
        applicantName: { type: 'string', title: '申请人名称', maxLength: 100 },
        creditCode: { type: 'string', title: '统一社会信用代码', pattern: CREDIT_CODE, maxLength: 18 },
        kind: { type: 'string', title: '经营类别', enum: ['班车客运', '包车客运', '旅游客运'] },
        area: { type: 'string', title: '经营区域或班线起讫地', maxLength: 200 },
        vehicles: { type: 'integer', title: '拟投入车辆数', minimum: 1, maximum: 500 },
        drivers: { type: 'integer', title: '驾驶员人数', minimum: 1, maximum: 2000 },
        safetyOfficer: { type: 'string', title: '安全生产管理人员', maxLength: 50 },
      },
    },
    uiSchema: { kind: { 'ui:widget': 'radio' } },
    timeLimit: { limit: 20, basis: '《中华人民共和国道路运输条例》第十条第二款', extendBy: 0 },
    committedDays: 15,
    contact: CONTACT_ZWFW,
    themes: ['交通运输'],
    lifeEvents: ['开办企业', '道路运输'],
    // Where three or more apply for one route the licence may be tendered (条例第12条), and it
    // touches operators already on it: interested parties are told of a hearing (第36、47条).
    hearingRights: true,
    fourEyes: true,
  },
];
