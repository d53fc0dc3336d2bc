import {
  agentMaterial,
  CONTACT_SCJG,
  CREDIT_CODE,
  type DemoService,
  DOCX,
  JPEG,
  OFD,
  PDF,
  PNG,
  SCANS,
  SHARED,
} from './demoParts.ts';

/** 哈尔滨市市场监督管理局: food business, individual businesses, drug retail. */
export const MARKET_SERVICES: DemoService[] = [
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
];
