import type { RetiredDivision } from './division.ts';

// Heilongjiang codes retired since 1999. An ID number keeps the code of the place where the person was
// first registered, and a credit code keeps the code of its registration authority, so these remain valid
// regions although they are gone from the tree. Only codes known to have existed are listed; a year is
// given only where we are sure of it.
export const HEILONGJIANG_RETIRED_DIVISIONS: readonly RetiredDivision[] = [
  // Harbin: 呼兰县 became 呼兰区 (230111); in 2006 太平区 merged into 道外区, 动力区 and the old 香坊区
  // into a new 香坊区 (230110), 阿城市 became 阿城区 (230112); 双城市 became 双城区 (230113).
  { code: '230105', name: '太平区', retired: 2006 },
  { code: '230106', name: '香坊区', retired: 2006 },
  { code: '230107', name: '动力区', retired: 2006 },
  { code: '230121', name: '呼兰县', retired: 2004 },
  { code: '230181', name: '阿城市', retired: 2006 },
  { code: '230182', name: '双城市', retired: 2014 },
  // Yichun: the 15 forest-district 区 were replaced in 2019 by 4 districts and 4 counties (230717–230751).
  { code: '230702', name: '伊春区', retired: 2019 },
  { code: '230703', name: '南岔区', retired: 2019 },
  { code: '230704', name: '友好区', retired: 2019 },
  { code: '230705', name: '西林区', retired: 2019 },
  { code: '230706', name: '翠峦区', retired: 2019 },
  { code: '230707', name: '新青区', retired: 2019 },
  { code: '230708', name: '美溪区', retired: 2019 },
  { code: '230709', name: '金山屯区', retired: 2019 },
  { code: '230710', name: '五营区', retired: 2019 },
  { code: '230711', name: '乌马河区', retired: 2019 },
  { code: '230712', name: '汤旺河区', retired: 2019 },
  { code: '230713', name: '带岭区', retired: 2019 },
  { code: '230714', name: '乌伊岭区', retired: 2019 },
  { code: '230715', name: '红星区', retired: 2019 },
  { code: '230716', name: '上甘岭区', retired: 2019 },
  // Jiamusi: 永红区 was abolished; 抚远县 became 抚远市 (230883).
  { code: '230802', name: '永红区', retired: 2006 },
  { code: '230833', name: '抚远县' },
  // Mudanjiang: 东宁县 became 东宁市 (231086).
  { code: '231024', name: '东宁县' },
  // Heihe: 嫩江县 became 嫩江市 (231183).
  { code: '231121', name: '嫩江县', retired: 2019 },
  // 绥化地区 (2323) became the prefecture-level city 绥化市 (2312) around 1999–2000, renumbering its counties.
  { code: '232300', name: '绥化地区' },
  { code: '232301', name: '绥化市' },
  { code: '232302', name: '安达市' },
  { code: '232303', name: '肇东市' },
  { code: '232304', name: '海伦市' },
  { code: '232324', name: '望奎县' },
  { code: '232325', name: '兰西县' },
  { code: '232326', name: '青冈县' },
  { code: '232330', name: '庆安县' },
  { code: '232331', name: '明水县' },
  { code: '232332', name: '绥棱县' },
  // Da Hinggan Ling: 漠河县 became 漠河市 (232701).
  { code: '232723', name: '漠河县', retired: 2018 },
];
