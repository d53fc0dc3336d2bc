// GB 32100-2015 appendix: registration department (1st character) and organisation type (2nd), with the
// departments and types added by later amendment (A, N, Y). A pair not listed here is refused.

export interface RegistrationDepartment {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface OrganisationType {
  /** The first two characters of the credit code. */
  readonly code: string;
  readonly department: RegistrationDepartment;
  readonly zh: string;
  readonly en: string;
}

type TypeRow = readonly [code: string, zh: string, en: string];

const department = (code: string, zh: string, en: string, types: readonly TypeRow[]): OrganisationType[] =>
  types.map(([typeCode, typeZh, typeEn]) => ({
    code: typeCode,
    department: { code, zh, en },
    zh: typeZh,
    en: typeEn,
  }));

const otherType = (code: string): TypeRow => [code, '其他', 'Other'];

export const ORGANISATION_TYPES: readonly OrganisationType[] = [
  ...department('1', '机构编制', 'Institutional staffing authority', [
    ['11', '机关', 'Government body'],
    ['12', '事业单位', 'Public institution'],
    [
      '13',
      '中央编办直接管理机构编制的群众团体',
      'Mass organisation staffed under the central staffing office',
    ],
    otherType('19'),
  ]),
  ...department('2', '外交', 'Foreign affairs', [
    ['21', '外国常驻新闻机构', 'Resident foreign news agency'],
    otherType('29'),
  ]),
  ...department('3', '司法行政', 'Judicial administration', [
    ['31', '律师执业机构', 'Law firm'],
    ['32', '公证处', 'Notary office'],
    ['33', '基层法律服务所', 'Grassroots legal service office'],
    ['34', '司法鉴定机构', 'Forensic appraisal institution'],
    ['35', '仲裁委员会', 'Arbitration commission'],
    otherType('39'),
  ]),
  ...department('4', '文化', 'Culture', [
    ['41', '外国在华文化中心', 'Foreign cultural centre in China'],
    otherType('49'),
  ]),
  ...department('5', '民政', 'Civil affairs', [
    ['51', '社会团体', 'Social organisation'],
    ['52', '民办非企业单位', 'Private non-enterprise unit'],
    ['53', '基金会', 'Foundation'],
    otherType('59'),
  ]),
  ...department('6', '旅游', 'Tourism', [
    ['61', '外国旅游部门常驻代表机构', 'Resident office of a foreign tourism authority'],
    [
      '62',
      '港澳台地区旅游部门常驻内地（大陆）代表机构',
      'Resident office of a Hong Kong, Macao or Taiwan tourism authority',
    ],
    otherType('69'),
  ]),
  ...department('7', '宗教', 'Religious affairs', [
    ['71', '宗教活动场所', 'Place of religious activity'],
    ['72', '宗教院校', 'Religious college'],
    otherType('79'),
  ]),
  ...department('8', '工会', 'Trade unions', [['81', '基层工会', 'Grassroots trade union'], otherType('89')]),
  ...department('9', '工商', 'Market regulation (industry and commerce)', [
    ['91', '企业', 'Enterprise'],
    ['92', '个体工商户', 'Individual business'],
    ['93', '农民专业合作社', "Farmers' cooperative"],
  ]),
  ...department('A', '中央军委改革和编制办公室', 'Central Military Commission reform and staffing office', [
    ['A1', '军队事业单位', 'Military public institution'],
    otherType('A9'),
  ]),
  ...department('N', '农业', 'Agriculture and rural affairs', [
    ['N1', '组级集体经济组织', 'Group-level collective economic organisation'],
    ['N2', '村级集体经济组织', 'Village-level collective economic organisation'],
    ['N3', '乡镇级集体经济组织', 'Township-level collective economic organisation'],
    otherType('N9'),
  ]),
  ...department('Y', '其他', 'Other registration authority', [otherType('Y1')]),
];

const byCode = new Map(ORGANISATION_TYPES.map((type) => [type.code, type]));

/** The organisation type named by the first two characters of a credit code. */
export function findOrganisationType(code: string): OrganisationType | undefined {
  return byCode.get(code);
}
