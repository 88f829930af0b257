/**
 * What the demo street contains. Names of 居民区, 小区, roads, projects and departments come from
 * 东明路街道's published 2022 work report (seeds/000_*.txt) wherever the report has them;
 * people, addresses and the stories of individual topics and suggestions are invented.
 *
 * Times are day offsets from the day of seeding (negative = in the past), so the demo always
 * has something that happened last week and something coming up next week.
 */
import type {
  PostKind,
  ProposalCategory,
  ProposalStatus,
  Satisfaction,
  Stance,
  SuggestionCategory,
  SuggestionChannel,
  SuggestionStatus,
  TopicSource,
  TopicStatus,
  TransferRole,
  TransferStatus,
} from "../generated/prisma/client.js";

export const DISTRICT_NAME = "浦东新区";
export const STREET_NAME = "东明路街道";
export const BLOCK_NAME = "灵岩南路街区";

// ───────────────────────────── Areas ─────────────────────────────

export interface CompoundSpec {
  name: string;
  buildings: number;
  floors: number;
  unitsPerFloor: number;
  /** Range of a household's floor area in m². */
  sqm: readonly [number, number];
}

export interface NeighbourhoodSpec {
  name: string;
  compounds: readonly CompoundSpec[];
}

// 售后公房 of the 1990s are six-storey walk-ups with small flats; 杉林新月 and 上南兰庭苑 are newer.
export const NEIGHBOURHOODS: readonly NeighbourhoodSpec[] = [
  { name: "三林苑", compounds: [{ name: "三林苑小区", buildings: 12, floors: 6, unitsPerFloor: 2, sqm: [52, 88] }] },
  { name: "金橘苑", compounds: [{ name: "金橘苑小区", buildings: 6, floors: 6, unitsPerFloor: 2, sqm: [58, 95] }] },
  { name: "凌八", compounds: [{ name: "凌八小区", buildings: 8, floors: 6, unitsPerFloor: 2, sqm: [50, 72] }] },
  // 环林东路875弄杉林新月小区, split off from 新一 into the new 新三居民区 in 2022.
  { name: "新三", compounds: [{ name: "杉林新月小区", buildings: 5, floors: 11, unitsPerFloor: 2, sqm: [85, 120] }] },
  {
    name: "尚桂苑",
    compounds: [
      { name: "尚桂苑小区", buildings: 6, floors: 6, unitsPerFloor: 2, sqm: [70, 110] },
      // Moved under 尚桂苑居民区 in 2022.
      { name: "上南兰庭苑", buildings: 4, floors: 11, unitsPerFloor: 2, sqm: [88, 120] },
    ],
  },
  { name: "金禾", compounds: [{ name: "金禾小区", buildings: 6, floors: 6, unitsPerFloor: 2, sqm: [50, 80] }] },
  { name: "凌二", compounds: [{ name: "凌二小区", buildings: 6, floors: 6, unitsPerFloor: 2, sqm: [50, 70] }] },
  { name: "凌十五", compounds: [{ name: "凌十五小区", buildings: 5, floors: 6, unitsPerFloor: 2, sqm: [50, 75] }] },
];

/** Neighbourhoods whose residents sit on the 灵岩南路街区自治议事会 (a block has no households). */
export const BLOCK_NEIGHBOURHOODS = ["尚桂苑", "凌二", "凌十五"] as const;

// ─────────────────────── Departments and posts ───────────────────────

export const DEPARTMENTS: readonly { name: string; contact: string }[] = [
  { name: "城管中队", contact: "东明路街道城管中队值班室" },
  { name: "房管办", contact: "东明房管办物业科" },
  { name: "绿化市容所", contact: "东明路街道绿化市容所" },
  { name: "东明物业公司", contact: "各小区物业服务中心" },
  { name: "派出所", contact: "东明派出所社区警务队" },
  { name: "社区事务受理服务中心", contact: "东明路街道社区事务受理服务中心综合窗口" },
  { name: "市场监管所", contact: "东明市场监管所" },
  { name: "社区卫生服务中心", contact: "东明社区卫生服务中心" },
];

export interface PostSpec {
  kind: PostKind;
  name: string;
  parent: string | null;
  /** Name of the area served. */
  area: string;
  address: string;
  openHours: string;
}

/** The "1+4+10" 家站点: 1 代表之家, 4 联络站, 10 联系点. */
export const POSTS: readonly PostSpec[] = [
  {
    kind: "HOME",
    name: "东明路街道人大代表之家",
    parent: null,
    area: STREET_NAME,
    address: "东明路街道社区党群服务中心二楼",
    openHours: "工作日 9:00–17:00",
  },
  {
    kind: "STATION",
    name: "湾流域人大代表联络站",
    parent: "东明路街道人大代表之家",
    area: STREET_NAME,
    address: "湾流域党群服务站一楼",
    openHours: "每周三 9:00–11:30",
  },
  {
    kind: "STATION",
    name: "灵岩南路人大代表联络站",
    parent: "东明路街道人大代表之家",
    area: STREET_NAME,
    address: "灵岩南路街区治理工作站",
    openHours: "每周四 14:00–16:30",
  },
  {
    kind: "STATION",
    name: "凌兆人大代表联络站",
    parent: "东明路街道人大代表之家",
    area: STREET_NAME,
    address: "凌兆片区社区老年人日间服务中心旁",
    openHours: "每周二 9:00–11:30",
  },
  {
    kind: "STATION",
    name: "新月人大代表联络站",
    parent: "东明路街道人大代表之家",
    area: STREET_NAME,
    address: "新月第三居民区“家门口”服务站",
    openHours: "每周五 14:00–16:30",
  },
  point("三林苑", "湾流域人大代表联络站", "三林苑居委会“家门口”服务站"),
  point("金橘苑", "湾流域人大代表联络站", "金橘苑居民区依法治理工作站"),
  { ...point(BLOCK_NAME, "灵岩南路人大代表联络站", "灵岩南路街区会客厅"), name: "灵岩南路街区人大代表联系点" },
  point("尚桂苑", "灵岩南路人大代表联络站", "尚桂苑居委会议事厅"),
  point("凌八", "凌兆人大代表联络站", "凌八居委会“红色议事厅”"),
  point("凌二", "凌兆人大代表联络站", "凌二居委会二楼"),
  point("凌十五", "凌兆人大代表联络站", "凌十五居民区“家门口”服务站"),
  point("新三", "新月人大代表联络站", "杉林新月小区居委会"),
  point("金禾", "新月人大代表联络站", "金禾居民区“家门口”服务站"),
  { ...point(STREET_NAME, "新月人大代表联络站", "东明路街道商会活动室"), name: "东明商会人大代表联系点" },
];

function point(area: string, parent: string, address: string): PostSpec {
  return {
    kind: "POINT",
    name: `${area}人大代表联系点`,
    parent,
    area,
    address,
    openHours: "每月第一个周六 9:00–11:00",
  };
}

export interface DeputySpec {
  phone: string;
  name: string;
  title: string;
  bio: string;
  /** Posts the deputy is attached to (a DEPUTY grant each). */
  posts: readonly string[];
}

export const DEPUTIES: readonly DeputySpec[] = [
  {
    phone: "13800000006",
    name: "王志明",
    title: "区人大代表",
    bio: "浦东新区人大代表,湾流域人大代表联络站驻站代表,长期关注老旧小区综合整新和为老服务。",
    posts: ["东明路街道人大代表之家", "湾流域人大代表联络站", "三林苑人大代表联系点"],
  },
  {
    phone: "13800000121",
    name: "钱玉芳",
    title: "区人大代表",
    bio: "浦东新区人大代表,社区卫生服务中心全科医生,关注街区治理与居民健康。",
    posts: ["灵岩南路人大代表联络站", "灵岩南路街区人大代表联系点"],
  },
  {
    phone: "13800000122",
    name: "何建平",
    title: "区人大代表",
    bio: "浦东新区人大代表,退休中学教师,关注上学路安全和青少年服务。",
    posts: ["凌兆人大代表联络站", "凌八人大代表联系点"],
  },
  {
    phone: "13800000123",
    name: "孙伟",
    title: "市人大代表",
    bio: "上海市人大代表,企业负责人,东明路街道商会副会长。",
    posts: ["东明路街道人大代表之家", "新月人大代表联络站", "东明商会人大代表联系点"],
  },
];

// ───────────────────────────── Names ─────────────────────────────

export const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "林",
  "罗",
  "高",
  "沈",
  "顾",
  "陆",
  "钱",
  "蒋",
  "施",
  "金",
  "俞",
  "唐",
  "姚",
  "汤",
  "曹",
  "邵",
  "范",
  "倪",
  "严",
];

export const GIVEN_NAME_CHARACTERS = [
  "伟",
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "艳",
  "杰",
  "娟",
  "涛",
  "明",
  "超",
  "秀",
  "英",
  "华",
  "慧",
  "建",
  "国",
  "平",
  "红",
  "霞",
  "玉",
  "兰",
  "桂",
  "珍",
  "文",
  "斌",
  "浩",
  "宇",
  "欣",
  "怡",
  "佳",
  "晨",
  "婷",
  "凯",
  "俊",
  "雪",
  "琴",
  "燕",
  "萍",
  "德",
  "海",
  "荣",
  "志",
  "林",
];

/** Public names some residents choose instead of the default "居民XXXX"; {姓} is their surname. */
export const NICKNAME_PATTERNS = [
  "老{姓}",
  "{姓}阿姨",
  "小{姓}",
  "{姓}师傅",
  "{姓}老师",
  "{姓}家姆妈",
  "楼组长老{姓}",
  "晨练的{姓}叔",
  "爱养花的{姓}阿姨",
  "下棋的老{姓}",
  "合唱团小{姓}",
  "遛狗的小{姓}",
  "花园志愿者",
  "二宝妈妈",
  "东明新居民",
  "社区摄影爱好者",
  "红梅志愿者",
];

// ─────────────────────────── Topics ───────────────────────────

export interface OpinionSpec {
  stance: Stance;
  body: string;
  /** Index (in this list) of the opinion this one replies to. */
  replyTo?: number;
  /** Index of the opinion this duplicate was merged into. */
  mergedInto?: number;
  pinned?: boolean;
  /** Hidden by the facilitator; the reason is shown publicly in its place. */
  hiddenReason?: string;
}

export interface TopicSpec {
  key: string;
  /** The council's area (居民区 or 街区). */
  area: string;
  status: TopicStatus;
  source: TopicSource;
  title: string;
  body: string;
  createdDay: number;
  /** Day the topic reached its current status. */
  lastDay: number;
  /** Hour of the last transition (e.g. the evening meeting that decided it). */
  lastHour?: number;
  /** Days of intermediate transitions that must line up with other records (a meeting). */
  anchors?: Partial<Record<TopicStatus, number>>;
  supports: number;
  /** The question residents answer, for a topic in VOTING. */
  voteQuestion?: string;
  rejectionReason?: string;
  resolutionText?: string;
  opinions?: readonly OpinionSpec[];
}

export const TOPICS: readonly TopicSpec[] = [
  {
    key: "lounge-hours",
    area: "三林苑",
    status: "COLLECTING",
    source: "RESIDENT",
    title: "架空层共享客厅开放时间延长到晚上九点",
    body: "三林苑架空层改造后的共享客厅现在傍晚六点就关门,上班族下班回来根本用不上。建议夏季延长到21:00,由楼组长和志愿者轮流值守,冬季再视情况调整。",
    createdDay: -9,
    lastDay: -9,
    supports: 6,
  },
  {
    key: "parcel-lockers",
    area: "金橘苑",
    status: "COLLECTING",
    source: "RESIDENT",
    title: "小区东门增设快递柜,减少快递车进小区",
    body: "快递车每天在小区里来回穿行,老人孩子出行不安全。建议在东门外侧增设快递柜,快递员统一投柜,车辆不再进入小区。",
    createdDay: -5,
    lastDay: -5,
    supports: 3,
  },
  {
    key: "flying-wires",
    area: "凌八",
    status: "COLLECTING",
    source: "RESIDENT",
    title: "楼道飞线充电屡禁不止,能不能一起想办法",
    body: "凌八小区还有不少电瓶车从楼上拉线充电,晚上很危险。想请大家一起讨论:非机动车库能不能增加充电口?对屡教不改的怎么办?",
    createdDay: -12,
    lastDay: -12,
    supports: 8,
  },
  {
    key: "bike-lines",
    area: "三林苑",
    status: "ACCEPTED",
    source: "RESIDENT",
    title: "3号楼前非机动车停放区重新划线",
    body: "3号楼前的非机动车乱停乱放,消防通道经常被堵。建议重新划定停放区,并在消防通道上画黄色网格线。",
    createdDay: -26,
    lastDay: -15,
    supports: 12,
  },
  {
    key: "bin-hours",
    area: "新三",
    status: "ACCEPTED",
    source: "COUNCIL_MEMBER",
    title: "杉林新月小区垃圾箱房开放时间调整",
    body: "不少居民反映早上7点到9点的定时投放时段太短,上班来不及。议事会成员提议增加晚间18:00–20:00一个时段,并安排志愿者值守。",
    createdDay: -20,
    lastDay: -16,
    supports: 4,
  },
  {
    key: "waive-fees",
    area: "三林苑",
    status: "REJECTED",
    source: "RESIDENT",
    title: "要求物业公司免收全年物业费",
    body: "物业服务质量差,要求物业今年全年免收物业费。",
    createdDay: -40,
    lastDay: -33,
    supports: 2,
    rejectionReason:
      "物业费标准由业主大会与物业服务合同约定,不属于居民区议事会协商范围。已将意见转给业委会,建议在业主大会上提出,并可通过街道物业考核反映服务问题。",
  },
  {
    key: "mahjong-room",
    area: "金禾",
    status: "REJECTED",
    source: "RESIDENT",
    title: "利用小区活动室开设棋牌室",
    body: "建议把小区活动室改成棋牌室,对外收费,收入补贴小区公共维修。",
    createdDay: -50,
    lastDay: -44,
    supports: 1,
    rejectionReason:
      "小区公共用房不得用于经营性活动,且与无证棋牌室整治要求相悖,不予立项。活动室可继续用于居民免费文体活动。",
  },
  {
    key: "low-carbon",
    area: "三林苑",
    status: "DELIBERATING",
    source: "COUNCIL_MEMBER",
    title: "三林苑近零碳社区创建:屋顶光伏与雨水花园试点",
    body: "三林苑正在创建近零碳排放社区。议事会提出两个试点:在8号楼、9号楼屋顶安装光伏板,收益用于楼道照明;在中心绿地建雨水花园。请大家就位置、费用分担和维护方式发表意见。",
    createdDay: -30,
    lastDay: -14,
    supports: 14,
    opinions: [
      { stance: "SUPPORT", body: "支持!楼道灯常年亮着,用光伏电正好。希望先把收益怎么用写清楚。", pinned: true },
      { stance: "OPPOSE", body: "顶楼住户担心屋顶漏水,安装前要做防水检测,谁来负责维修?" },
      { stance: "SUGGESTION", body: "可以请社区规划师先出一个方案,在架空层公示一周再定。", replyTo: 1 },
      { stance: "NEUTRAL", body: "雨水花园我不反对,但要防蚊虫,旁边就是老人健身区。" },
      { stance: "SUPPORT", body: "孩子们可以在雨水花园里做自然观察,很好。" },
      { stance: "SUPPORT", body: "支持光伏,楼道灯电费能省不少。", mergedInto: 0 },
      {
        stance: "OPPOSE",
        body: "搞这些都是浪费钱,提意见的人自己掏钱!",
        hiddenReason: "含有针对他人的攻击性言语,已隐藏。欢迎就事论事发表意见。",
      },
      { stance: "SUGGESTION", body: "建议和物业签维护协议,每季度清理一次光伏板。" },
    ],
  },
  {
    key: "outdoor-dining",
    area: BLOCK_NAME,
    status: "DELIBERATING",
    source: "STAFF",
    title: "灵岩南路沿街商户外摆的时段与区域",
    body: "“萌力街区”建设中,不少商户希望增加外摆。街区自治议事会就外摆时段(建议17:00–22:00)、人行道保留宽度(不少于1.5米)和卫生责任征求商户和居民意见。",
    createdDay: -21,
    lastDay: -10,
    supports: 9,
    opinions: [
      { stance: "SUPPORT", body: "外摆让街区有烟火气,支持试点三个月。" },
      { stance: "OPPOSE", body: "晚上十点以后还有噪音,楼上居民受不了,建议九点半收摊。" },
      { stance: "SUGGESTION", body: "人行道要留够轮椅和童车通行的宽度,建议画线标明。", replyTo: 0 },
      { stance: "NEUTRAL", body: "关键是收摊后的卫生,能不能由商户轮值清扫?" },
    ],
  },
  {
    key: "dog-rules",
    area: "三林苑",
    status: "VOTING",
    source: "COUNCIL_MEMBER",
    title: "修订《三林苑居民公约》:文明养犬条款",
    body: "经议事会协商,拟在居民公约中增加:出门牵绳、及时清理粪便、大型犬避开早晚高峰进出电梯和架空层儿童活动区。现提请全体认证居民表决。",
    createdDay: -35,
    lastDay: -2,
    // Deliberated at the third-quarter meeting (day -18), then put to the residents' vote.
    anchors: { ACCEPTED: -30, DELIBERATING: -26 },
    supports: 16,
    voteQuestion: "是否同意将文明养犬条款写入《三林苑居民公约》?",
    opinions: [
      { stance: "SUPPORT", body: "早就该管了,草坪上到处是狗粪。" },
      { stance: "SUGGESTION", body: "能不能在绿地边上设两个拾便袋箱?光靠自觉不够。" },
      { stance: "OPPOSE", body: "“避开早晚高峰”太难执行,建议删掉这一条。" },
    ],
  },
  {
    key: "playground-rules",
    area: "三林苑",
    status: "DECIDED",
    source: "COUNCIL_MEMBER",
    title: "架空层自由游戏场使用规则",
    body: "自由游戏场建成后使用人数多,需要商定开放时间、年龄提示和看护责任。",
    createdDay: -45,
    lastDay: -18,
    lastHour: 19,
    supports: 11,
    resolutionText:
      "经三林苑居民区议事会表决通过:自由游戏场每日7:00–20:30开放;6岁以下儿童须有成人看护;晚间由楼组长和志愿者轮值巡查;设施损坏由物业48小时内报修。规则在架空层和各楼道口公示。",
    opinions: [
      { stance: "SUPPORT", body: "开放时间合理,晚上八点半以后要保证安静。" },
      { stance: "SUGGESTION", body: "建议在入口贴二维码,损坏可以直接扫码报修。" },
    ],
  },
  {
    key: "parking-during-works",
    area: "凌八",
    status: "IMPLEMENTING",
    source: "STAFF",
    title: "凌八小区综合整新期间的临时停车方案",
    body: "综合整新工程施工期间,小区内约40个车位无法使用,需要商定临时停车安排。",
    createdDay: -120,
    lastDay: -70,
    supports: 13,
    resolutionText:
      "施工期间开放周边单位夜间共享车位40个(19:00–次日7:00),按月登记;施工围挡分段设置,每段不超过两周;消防通道全程保持畅通。由物业牵头、居委会监督落实。",
  },
  {
    key: "hallway-clutter",
    area: "金橘苑",
    status: "EVALUATED",
    source: "STAFF",
    title: "楼道堆物限期清理公约",
    body: "依法治理工作站试点:楼道和电表间堆物存在消防隐患,拟通过居民公约约定清理期限和长效管理办法。",
    createdDay: -200,
    lastDay: -40,
    supports: 15,
    resolutionText:
      "全体楼组在一个月内完成楼道堆物自查自清;此后每季度由楼组长带队巡查一次;拒不清理的,由物业书面提醒,居委会和依法治理工作站上门协调。",
  },
  {
    key: "council-seats",
    area: "尚桂苑",
    status: "CLOSED",
    source: "STAFF",
    title: "上南兰庭苑划入后议事会增补成员",
    body: "上南兰庭苑划入尚桂苑居民区管辖,需要增补该小区的议事会成员,保证两个小区都有代表。",
    createdDay: -300,
    lastDay: -240,
    supports: 10,
    resolutionText: "增补上南兰庭苑居民代表2名为议事会成员,任期与本届议事会一致。",
  },
  {
    key: "stilt-floor-use",
    area: "三林苑",
    status: "CLOSED",
    source: "STAFF",
    title: "架空层违建清退后的空间用途",
    body: "482间共9000余平米架空层违建清退后,空间怎么用?请居民共同商议。",
    createdDay: -420,
    lastDay: -300,
    supports: 24,
    resolutionText:
      "清退后的架空层统一规划为共享客厅、自由游戏场、非机动车停放和过街楼公共空间;先行改造5栋架空层,其余分批实施,方案由社区规划师与居民共同设计。",
  },
];

// ─────────────────────────── Meetings ───────────────────────────

export const PAST_MEETING = {
  area: "三林苑",
  title: "三林苑居民区议事会第三季度会议",
  day: -18,
  location: "三林苑架空层“红色议事厅”",
  onlineUrl: "https://meeting.example.cn/sanlinyuan-q3",
  /** Agenda: topic keys, or a plain title for items without a topic. */
  agenda: ["playground-rules", "dog-rules", "第三届“花开东明”花园节筹备"],
  minutes:
    "出席议事会成员7人,符合议事规则。一、架空层自由游戏场使用规则:经讨论修改后表决通过(赞成6票,反对0票,弃权1票)。二、文明养犬条款:议事会同意提请全体认证居民表决,表决期两周。三、花园节:各楼组推荐一名花园志愿者,下次会议确定参展方案。",
} as const;

export const NEXT_MEETING = {
  area: "三林苑",
  title: "三林苑居民区议事会第四季度会议",
  day: 3,
  location: "三林苑架空层“红色议事厅”",
  onlineUrl: "https://meeting.example.cn/sanlinyuan-q4",
  agenda: ["bike-lines", "low-carbon", "其他事项"],
} as const;

// ─────────────────────── Proposals and budget rounds ───────────────────────

export type RoundKey = "previous" | "current";

export interface ProgressSpec {
  day: number;
  percent: number;
  note: string;
  /** Spent so far, in 元. */
  spentYuan?: number;
}

export interface ProposalSpec {
  /** A 小区, 居民区 or the 街区. */
  area: string;
  round: RoundKey | null;
  status: ProposalStatus;
  category: ProposalCategory;
  title: string;
  description: string;
  place: string;
  costYuan: number;
  /** The planner's figure; defaults to the estimate. */
  reviewedCostYuan?: number;
  feasibility?: string;
  ineligibleReason?: string;
  createdDay: number;
  lastDay: number;
  cosigns: number;
  /** The demo resident of 三林苑 proposed it (so "my proposals" is not empty). */
  byDemoResident?: boolean;
  plannedCompletionDay?: number;
  progress?: readonly ProgressSpec[];
}

export const PROPOSALS: readonly ProposalSpec[] = [
  // Not yet in a round.
  {
    area: "凌二小区",
    round: null,
    status: "SUBMITTED",
    category: "ACCESSIBILITY",
    title: "3号楼门口增设休息座椅和扶手",
    description:
      "3号楼住着不少八十岁以上的老人,买菜回来要在门口歇一歇。建议在单元门口增设一张带靠背的座椅和一段不锈钢扶手。",
    place: "凌二小区3号楼单元门口",
    costYuan: 12_000,
    createdDay: -4,
    lastDay: -4,
    cosigns: 5,
  },
  {
    area: "三林苑小区",
    round: null,
    status: "SUBMITTED",
    category: "COMMUNITY_GARDEN",
    title: "中心绿地中型社区花园",
    description: "在中心绿地建一座中型社区花园,由花园志愿者认领养护,明年参加第三届“花开东明”社区花园节。",
    place: "三林苑小区中心绿地西侧",
    costYuan: 70_000,
    createdDay: -2,
    lastDay: -2,
    cosigns: 9,
    byDemoResident: true,
  },
  {
    area: "金禾小区",
    round: null,
    status: "IN_REVIEW",
    category: "OTHER",
    title: "封闭式建筑垃圾堆放点改造",
    description: "现在的装修垃圾堆放点是露天的,扬尘大、气味重。建议改造成封闭式堆放点,加装喷淋和监控。",
    place: "金禾小区北门内侧堆放点",
    costYuan: 110_000,
    createdDay: -16,
    lastDay: -9,
    cosigns: 7,
  },
  {
    area: "上南兰庭苑",
    round: null,
    status: "ELIGIBLE",
    category: "POCKET_PARK",
    title: "儿童游乐设施更新",
    description: "游乐设施使用十多年,滑梯有裂缝、地垫破损。建议更换为适合3–12岁的组合器械并重铺塑胶地面。",
    place: "上南兰庭苑2号楼南侧游乐场",
    costYuan: 90_000,
    reviewedCostYuan: 88_000,
    feasibility: "场地产权清晰,现有设施已超过使用年限,更新可行。建议同步设置家长休息座椅。核定费用8.8万元。",
    createdDay: -38,
    lastDay: -22,
    cosigns: 12,
  },
  // Current round (voting now).
  {
    area: "凌十五小区",
    round: "current",
    status: "NOT_ELIGIBLE",
    category: "ELEVATOR_RETROFIT",
    title: "5号楼加装电梯",
    description: "5号楼六层,住着很多行动不便的老人,希望加装电梯。",
    place: "凌十五小区5号楼北侧",
    costYuan: 780_000,
    feasibility: "楼栋北侧场地满足加装条件。",
    ineligibleReason:
      "加装电梯费用约78万元,远超自治金单项上限20万元,且须经本幢业主按民法典第二百七十八条表决同意。已转街道加梯专班,按既有多层住宅加装电梯政策办理。",
    createdDay: -60,
    lastDay: -28,
    cosigns: 18,
  },
  {
    area: "杉林新月小区",
    round: "current",
    status: "IN_VOTE",
    category: "EBIKE_CHARGING",
    title: "非机动车集中充电车棚",
    description:
      "小区电瓶车多、充电口少,楼道飞线充电屡禁不止。建议在西侧空地新建集中停放充电车棚,配40个智能充电口和烟感喷淋。",
    place: "杉林新月小区西侧围墙内空地",
    costYuan: 85_000,
    feasibility: "场地满足消防间距要求,电力容量经物业核实可满足40个充电口。核定费用8.5万元。",
    createdDay: -62,
    lastDay: -5,
    cosigns: 21,
  },
  {
    area: "金橘苑小区",
    round: "current",
    status: "IN_VOTE",
    category: "COMMUNITY_GARDEN",
    title: "MINI社区花园",
    description: "把5号楼旁边的边角绿地改成一座MINI社区花园,种植香草和时令花卉,由楼组认领养护。",
    place: "金橘苑小区5号楼东侧边角绿地",
    costYuan: 60_000,
    feasibility: "边角绿地现状杂乱,改造难度小。建议保留现有乔木。核定费用6万元。",
    createdDay: -58,
    lastDay: -5,
    cosigns: 14,
  },
  {
    area: "尚桂苑小区",
    round: "current",
    status: "IN_VOTE",
    category: "FITNESS_TRAIL",
    title: "环形健身步道翻新",
    description: "小区环形步道塑胶老化开裂,雨天容易滑倒。建议整体翻新,增加里程标识和夜间照明。",
    place: "尚桂苑小区环形步道(约600米)",
    costYuan: 160_000,
    reviewedCostYuan: 150_000,
    feasibility: "步道基础良好,仅需更换面层。照明可利用现有路灯线路。核定费用15万元。",
    createdDay: -55,
    lastDay: -5,
    cosigns: 17,
  },
  {
    area: "凌十五小区",
    round: "current",
    status: "IN_VOTE",
    category: "STAIRWELL_RENEWAL",
    title: "美丽楼组·楼道微更新",
    description: "由居民共同设计,对2号楼、3号楼楼道进行粉刷、加装扶手和感应灯,打造美丽楼组。",
    place: "凌十五小区2号楼、3号楼楼道",
    costYuan: 45_000,
    feasibility: "楼道结构完好,属于微更新范围。核定费用4.5万元。",
    createdDay: -50,
    lastDay: -5,
    cosigns: 10,
  },
  {
    area: BLOCK_NAME,
    round: "current",
    status: "IN_VOTE",
    category: "POCKET_PARK",
    title: "街角口袋公园",
    description:
      "灵岩南路与上浦路路口的街角绿地改造为口袋公园,增加座椅、遮阳和儿童小型游乐设施,方便接送孩子的家长休息。",
    place: "灵岩南路与上浦路交叉口东北角",
    costYuan: 198_000,
    feasibility: "地块属街道管理绿地,与绿化市容所确认可改造。核定费用19.8万元。",
    createdDay: -48,
    lastDay: -5,
    cosigns: 25,
  },
  // Previous round (closed): selected projects being built.
  {
    area: "金禾小区",
    round: "previous",
    status: "NOT_SELECTED",
    category: "OTHER",
    title: "宠物友好活动区",
    description: "在小区南侧划出一块围合的宠物活动区,减少宠物在草坪和儿童区活动。",
    place: "金禾小区南侧绿地",
    costYuan: 90_000,
    feasibility: "场地可行,需与相邻楼栋居民充分沟通。核定费用9万元。",
    createdDay: -400,
    lastDay: -320,
    cosigns: 8,
  },
  {
    area: "凌二小区",
    round: "previous",
    status: "SELECTED",
    category: "ACCESSIBILITY",
    title: "楼道口无障碍坡道(4处)",
    description: "在1、2、4、6号楼单元门口建设无障碍坡道,方便轮椅和助行器出入。",
    place: "凌二小区1、2、4、6号楼单元门口",
    costYuan: 36_000,
    feasibility: "坡度可做到1:12,需移除部分台阶花坛。核定费用3.6万元。",
    createdDay: -395,
    lastDay: -320,
    cosigns: 11,
    plannedCompletionDay: 60,
  },
  {
    area: "三林苑小区",
    round: "previous",
    status: "DESIGN",
    category: "OTHER",
    title: "过街楼公共空间场景打造",
    description: "把过街楼下的通道打造成可以歇脚、下棋、看社区展览的公共空间。",
    place: "三林苑小区4号楼与5号楼之间过街楼",
    costYuan: 120_000,
    feasibility: "需保持消防通道净宽4米,设施以可移动为主。核定费用12万元。",
    createdDay: -398,
    lastDay: -200,
    cosigns: 16,
    plannedCompletionDay: 90,
    progress: [{ day: -30, percent: 10, note: "设计方案完成,在架空层公示一周征求居民意见。", spentYuan: 8_000 }],
  },
  {
    area: "三林苑小区",
    round: "previous",
    status: "CONSTRUCTION",
    category: "OTHER",
    title: "架空层公共空间再造(5栋)",
    description: "清退违建后的5栋架空层进行功能提升:共享客厅、阅览角、非机动车规范停放。",
    place: "三林苑小区1、2、6、8、9号楼架空层",
    costYuan: 200_000,
    reviewedCostYuan: 180_000,
    feasibility: "结构安全,可分栋施工,施工期间保证居民通行。核定费用18万元。",
    createdDay: -399,
    lastDay: -100,
    cosigns: 23,
    plannedCompletionDay: 30,
    progress: [
      { day: -95, percent: 10, note: "施工单位进场,1号楼、2号楼架空层围挡。", spentYuan: 20_000 },
      { day: -60, percent: 35, note: "1号楼、2号楼完成地面和墙面,6号楼开工。", spentYuan: 62_000 },
      { day: -20, percent: 60, note: "6号楼、8号楼完成,9号楼水电改造中。", spentYuan: 105_000 },
    ],
  },
  {
    area: "凌八小区",
    round: "previous",
    status: "CONSTRUCTION",
    category: "EBIKE_CHARGING",
    title: "非机动车库改造与消防设施",
    description: "改造2处非机动车库:增加充电口、烟感报警和自动喷淋,地面重做防滑。",
    place: "凌八小区3号楼、7号楼地下非机动车库",
    costYuan: 78_000,
    feasibility: "需先完成电力扩容,由物业报供电公司。核定费用7.8万元。",
    createdDay: -396,
    lastDay: -45,
    cosigns: 13,
    plannedCompletionDay: 20,
    progress: [
      { day: -40, percent: 15, note: "电力扩容完成,3号楼车库开工。", spentYuan: 12_000 },
      { day: -12, percent: 35, note: "3号楼车库充电口安装完成,喷淋管道施工中。", spentYuan: 27_000 },
    ],
  },
  {
    area: "三林苑小区",
    round: "previous",
    status: "COMPLETED",
    category: "POCKET_PARK",
    title: "架空层自由游戏场",
    description: "在7号楼架空层建设一座自由游戏场,设置攀爬、沙池等不设固定玩法的设施。",
    place: "三林苑小区7号楼架空层",
    costYuan: 95_000,
    feasibility: "层高满足要求,需加装软质防护。核定费用9.5万元。",
    createdDay: -397,
    lastDay: -25,
    cosigns: 19,
    plannedCompletionDay: -30,
    progress: [
      { day: -150, percent: 20, note: "设计方案经儿童和家长参与讨论后确定。", spentYuan: 10_000 },
      { day: -80, percent: 60, note: "攀爬架和沙池施工完成。", spentYuan: 58_000 },
      { day: -25, percent: 100, note: "软质地面和防护完成,设施通过安全检测,已开放使用。", spentYuan: 93_500 },
    ],
  },
  {
    area: "金橘苑小区",
    round: "previous",
    status: "ACCEPTED",
    category: "FITNESS_TRAIL",
    title: "环形健身步道更新",
    description: "小区外围环形步道更新为彩色塑胶步道,沿线增加健身器材和休息座椅。",
    place: "金橘苑小区外围环形步道",
    costYuan: 160_000,
    feasibility: "步道与市政道路分隔良好。核定费用16万元。",
    createdDay: -394,
    lastDay: -90,
    cosigns: 20,
    plannedCompletionDay: -130,
    progress: [
      { day: -250, percent: 30, note: "旧面层铲除,基层修补。", spentYuan: 45_000 },
      { day: -180, percent: 70, note: "塑胶面层铺设完成,健身器材进场。", spentYuan: 112_000 },
      { day: -125, percent: 100, note: "全部完工。", spentYuan: 158_000 },
      { day: -90, percent: 100, note: "居民验收会通过:步道平整、标识清楚,建议夜间照明再加强。", spentYuan: 158_000 },
    ],
  },
];

// ─────────────────────────── Suggestions ───────────────────────────

export interface TransferSpec {
  department: string;
  role: TransferRole;
  round: number;
  status: TransferStatus;
  /** Days from transfer to due date (15 working days ≈ 21 calendar days). */
  dueInDays?: number;
  returnReason?: string;
  updates?: readonly string[];
}

export interface SuggestionSpec {
  post: string;
  area: string;
  category: SuggestionCategory;
  title: string;
  content: string;
  place?: string;
  channel: SuggestionChannel;
  /** Who submitted: the demo resident of 三林苑, a random resident of `area`, or a visitor at a reception. */
  submitter: "demo-resident" | "resident" | "visitor";
  allowPublish: boolean;
  status: SuggestionStatus;
  createdDay: number;
  lastDay: number;
  declineReason?: string;
  transfers?: readonly TransferSpec[];
  replies?: readonly string[];
  ratings?: readonly { satisfaction: Satisfaction; comment?: string }[];
}

export const SUGGESTIONS: readonly SuggestionSpec[] = [
  {
    post: "凌八人大代表联系点",
    area: "凌八",
    category: "CITY_APPEARANCE",
    title: "凌兆菜市场外围早高峰流动摊贩占道",
    content: "每天早上6点到8点,凌兆菜市场外围人行道被流动摊贩占满,老人只能走到机动车道上,很危险。",
    place: "凌兆菜市场外围人行道",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "SUBMITTED",
    createdDay: -1,
    lastDay: -1,
  },
  {
    post: "东明路街道人大代表之家",
    area: STREET_NAME,
    category: "PUBLIC_SAFETY",
    title: "尚博路九子广场夜间音响声音过大",
    content: "九子广场晚上九点以后还有音响,声音很大,周边居民休息受影响。希望规定结束时间和音量。",
    place: "尚博路九子广场",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: false,
    status: "SUBMITTED",
    createdDay: -3,
    lastDay: -3,
  },
  {
    post: "三林苑人大代表联系点",
    area: "三林苑",
    category: "OTHER",
    title: "小区健身器材老化需要更换",
    content: "中心绿地的健身器材有几件已经生锈松动,老人锻炼时担心安全。",
    place: "三林苑小区中心绿地健身点",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "ACCEPTED",
    createdDay: -6,
    lastDay: -4,
  },
  {
    post: "湾流域人大代表联络站",
    area: "金橘苑",
    category: "OTHER",
    title: "邻居装修损坏我家墙面,要求代表出面让对方赔偿",
    content: "楼上装修导致我家卫生间墙面开裂渗水,协商不成,希望人大代表出面要求对方赔偿。",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: false,
    status: "DECLINED",
    createdDay: -15,
    lastDay: -13,
    declineReason:
      "属于邻里之间的民事纠纷,不作为代表建议受理。已联系红梅调解工作室,可预约调解;调解不成可通过诉讼解决。",
  },
  {
    post: "新月人大代表联络站",
    area: "新三",
    category: "PROPERTY_MANAGEMENT",
    title: "建议取消小区全部停车收费",
    content: "小区停车收费太贵,建议全部取消。",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "DECLINED",
    createdDay: -25,
    lastDay: -22,
    declineReason: "小区内停车收费标准由业主大会决定,不属于代表建议处理范围。已建议通过业委会向业主大会提出。",
  },
  {
    post: "凌兆人大代表联络站",
    area: STREET_NAME,
    category: "TRANSPORT",
    title: "上浦路上学路段非机动车乱停放",
    content: "三林北校(上浦路校区)门口上下学时段非机动车乱停,学生进出校门要绕行到机动车道。",
    place: "上浦路三林北校门口",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "TRANSFERRED",
    createdDay: -9,
    lastDay: -5,
    transfers: [
      {
        department: "绿化市容所",
        role: "LEAD",
        round: 1,
        status: "RETURNED",
        returnReason: "非机动车停放秩序不属于本所职责,请转城管中队。",
      },
      { department: "城管中队", role: "LEAD", round: 1, status: "PENDING" },
      { department: "派出所", role: "CO", round: 1, status: "PENDING" },
    ],
  },
  {
    post: "湾流域人大代表联络站",
    area: "三林苑",
    category: "PUBLIC_SAFETY",
    title: "12号楼电表间堆物存在消防隐患",
    content: "12号楼一楼电表间堆满纸板和旧家具,多次提醒没有清理,万一起火后果严重。",
    place: "三林苑小区12号楼一楼电表间",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "IN_PROGRESS",
    createdDay: -40,
    lastDay: -30,
    transfers: [
      {
        department: "东明物业公司",
        role: "LEAD",
        round: 1,
        status: "IN_PROGRESS",
        // Overdue on purpose: the deputy's and staff's views flag it.
        dueInDays: 14,
        updates: ["已张贴限期清理通知,联系到两户堆物人,其中一户已清理。", "另一户家中无人,已留言并请楼组长协助联系。"],
      },
      { department: "房管办", role: "CO", round: 1, status: "IN_PROGRESS", dueInDays: 14 },
    ],
  },
  {
    post: "湾流域人大代表联络站",
    area: "金橘苑",
    category: "PROPERTY_MANAGEMENT",
    title: "雨污混接导致下水道返味",
    content: "金橘苑3号楼、4号楼之间的窨井一到夏天就返臭味,怀疑是雨污混接。希望纳入雨污混接改造。",
    place: "金橘苑小区3号楼与4号楼之间",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "IN_PROGRESS",
    createdDay: -20,
    lastDay: -14,
    transfers: [
      {
        department: "房管办",
        role: "LEAD",
        round: 1,
        status: "IN_PROGRESS",
        updates: ["已会同施工单位现场查勘,确认存在混接,纳入第二轮雨污混接改造计划。"],
      },
    ],
  },
  {
    post: "灵岩南路人大代表联络站",
    area: BLOCK_NAME,
    category: "TRANSPORT",
    title: "灵岩南路人行道地砖破损",
    content: "灵岩南路靠近街区会客厅一段人行道地砖松动破损,前几天有老人在这里绊倒。",
    place: "灵岩南路街区会客厅门口人行道",
    channel: "ONLINE",
    submitter: "demo-resident",
    allowPublish: true,
    status: "REPLIED",
    createdDay: -24,
    lastDay: -2,
    transfers: [
      {
        department: "城管中队",
        role: "LEAD",
        round: 1,
        status: "DONE",
        updates: ["已现场查看,破损约12平方米,报街道城建部门安排维修。", "维修已完成,更换地砖12平方米。"],
      },
    ],
    replies: [
      "您好!您反映的灵岩南路人行道地砖破损问题,经城管中队现场查看后已安排维修,共更换地砖12平方米,目前已恢复通行。感谢您对街区环境的关心,请对办理结果进行评价。",
    ],
  },
  {
    post: "凌八人大代表联系点",
    area: "凌八",
    category: "ELDERLY_SERVICES",
    title: "长者食堂增加晚餐供应",
    content: "社区长者食堂只供应午餐,独居老人晚饭不方便,希望增加晚餐或者提供晚餐配送。",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "RATED",
    createdDay: -50,
    lastDay: -8,
    transfers: [
      {
        department: "社区事务受理服务中心",
        role: "LEAD",
        round: 1,
        status: "DONE",
        updates: ["已与长者食堂运营方协商,试点工作日晚餐供应。"],
      },
    ],
    replies: ["您好!经协调,社区长者食堂自下月起试点工作日晚餐供应(17:00–18:30),行动不便的独居老人可预约配送。"],
    ratings: [{ satisfaction: "BASICALLY_SATISFIED", comment: "有晚餐了很好,希望周末也能供应。" }],
  },
  {
    post: "新月人大代表联络站",
    area: "新三",
    category: "PROPERTY_MANAGEMENT",
    title: "杉林新月小区地下车库渗水",
    content: "地下车库B区顶板渗水,下雨天地面积水,车辆和行人都受影响。",
    place: "杉林新月小区地下车库B区",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "SUPERVISING",
    createdDay: -75,
    lastDay: -10,
    transfers: [
      { department: "东明物业公司", role: "LEAD", round: 1, status: "DONE", updates: ["已对渗水点进行临时封堵。"] },
      {
        department: "东明物业公司",
        role: "LEAD",
        round: 2,
        status: "IN_PROGRESS",
        updates: ["已委托专业防水单位检测,拟动用维修资金进行顶板防水修缮。"],
      },
      { department: "房管办", role: "CO", round: 2, status: "IN_PROGRESS" },
    ],
    replies: ["您好!物业已对地下车库B区渗水点进行封堵处理。"],
    ratings: [{ satisfaction: "UNSATISFIED", comment: "只是临时堵漏,一下雨又渗水了,希望彻底修好。" }],
  },
  {
    post: "金禾人大代表联系点",
    area: "金禾",
    category: "ELDERLY_SERVICES",
    title: "“家门口”服务站增加助餐点",
    content: "金禾居民区老人多,离长者食堂远,希望在“家门口”服务站设一个助餐点。",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "CLOSED",
    createdDay: -160,
    lastDay: -100,
    transfers: [
      {
        department: "社区事务受理服务中心",
        role: "LEAD",
        round: 1,
        status: "DONE",
        updates: ["结合金禾“家门口”服务站升级改造,增设助餐点。"],
      },
    ],
    replies: ["您好!金禾居民区“家门口”服务站升级改造后已设助餐点,每日供应午餐,欢迎老人就近用餐。"],
    ratings: [{ satisfaction: "SATISFIED", comment: "已经去吃过了,很方便,谢谢代表!" }],
  },
  {
    post: "湾流域人大代表联络站",
    area: "三林苑",
    category: "PUBLIC_SAFETY",
    title: "架空层消防通道被车辆占用",
    content: "接待日居民反映:三林苑部分架空层改造后,消防通道经常有汽车停放。",
    place: "三林苑小区架空层消防通道",
    channel: "RECEPTION",
    submitter: "visitor",
    allowPublish: true,
    status: "CLOSED",
    createdDay: -90,
    lastDay: -55,
    transfers: [
      {
        department: "城管中队",
        role: "LEAD",
        round: 1,
        status: "DONE",
        updates: ["已在消防通道施划黄色网格线并设置警示牌,联合物业开展夜间巡查。"],
      },
      { department: "派出所", role: "CO", round: 1, status: "DONE" },
    ],
    replies: ["您好!消防通道已施划网格线并设警示牌,物业和城管中队每周联合巡查,占道车辆已全部劝离。"],
  },
  {
    post: "新月人大代表联络站",
    area: "新三",
    category: "TRANSPORT",
    title: "快递车辆在小区门口乱停",
    content: "环林东路875弄门口快递车辆经常并排停放,堵住小区出入口。",
    place: "环林东路875弄小区门口",
    channel: "ONLINE",
    submitter: "resident",
    allowPublish: true,
    status: "CLOSED",
    createdDay: -130,
    lastDay: -95,
    transfers: [
      {
        department: "城管中队",
        role: "LEAD",
        round: 1,
        status: "DONE",
        updates: ["已约谈相关快递网点,在门口划定临时装卸区。"],
      },
    ],
    replies: ["您好!已在小区门口划定快递临时装卸区,并约谈附近快递网点负责人,要求车辆即停即走。"],
    ratings: [{ satisfaction: "SATISFIED" }],
  },
];
