import {
  agentMaterial,
  CONTACT_ZWFW,
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

/** 哈尔滨市政务服务管理办公室 standing in for the concentrated licensing unit: construction, road transport. */
export const CENTRAL_SERVICES: DemoService[] = [
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
