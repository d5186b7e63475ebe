// Default prohibited words (企业名称登记管理规定 第十一条), one category per kind of harm. These seed
// the administrator-maintained list; at run time the rules take the list from the database.
// Words are matched as substrings of the normalised name, so each is chosen to be unambiguous in
// names: short words that hide inside ordinary ones are left out (人大 in 巨人大厦, 海关 in
// 上海关爱, 工会 in 化工会展) in favour of their full forms (全国人大, 海关总署, 总工会).

import type { ProhibitedCategory, ProhibitedWord } from '../rules/types.js';

const BY_CATEGORY: Readonly<Record<ProhibitedCategory, readonly string[]>> = {
  NATIONAL_DIGNITY: ['卖国', '辱华', '汉奸', '分裂国家', '台独', '藏独', '疆独', '港独', '亡国'],
  PUBLIC_ORDER: ['黑社会', '黑帮', '邪教', '法轮', '传销', '非法集资', '暴乱', '颠覆', '造反', '走私'],
  PARTY_STATE_MILITARY: [
    '共产党', '中共', '国民党', '民主党派', '党中央', '中央委员会', '国务院', '全国人大', '人民代表大会',
    '政协', '人民政府', '政府', '中央军委', '军委', '解放军', '武警', '武装警察', '部队', '军区', '军分区',
    '公安', '检察院', '法院', '监察委', '纪委', '海关总署', '税务局', '共青团', '团中央', '妇联',
    '总工会', '少先队', '红十字',
  ],
  FOREIGN_OR_INTERNATIONAL: [
    '联合国', '世界卫生组织', '世界贸易组织', '世贸组织', '北约', '欧盟', '东盟', '国际奥委会', '奥林匹克',
    '奥运', '世界银行', '国际货币基金', '美国', '英国', '法国', '德国', '日本', '韩国', '朝鲜', '俄罗斯',
    '意大利', '加拿大', '澳大利亚', '新加坡', '印度', '西班牙', '荷兰', '瑞士', '瑞典', '美利坚',
  ],
  OBSCENITY: ['色情', '淫秽', '淫荡', '裸聊', '性服务', '情色', '艳舞'],
  GAMBLING: ['赌场', '赌博', '博彩', '赌坊', '六合彩', '老虎机', '百家乐'],
  SUPERSTITION: ['迷信', '算命', '占卜', '驱鬼', '巫术', '招魂', '阴宅'],
  TERROR: ['恐怖', '恐怖主义', '圣战', '基地组织', '炸弹'],
  VIOLENCE: ['暴力', '杀人', '血腥', '枪支', '军火', '毒品', '冰毒', '海洛因', '打手'],
  DISCRIMINATION: ['支那', '黑鬼', '洋鬼子', '鬼子', '蛮夷', '男尊女卑', '异教徒', '娘炮'],
  PUBLIC_MORALS: ['二奶', '小三', '一夜情', '嫖', '屌丝', '装逼', '牛逼', '傻逼', '他妈的', '贱人', '缺德'],
  MISLEADING: [
    '国家级', '最高级', '最佳', '第一', '顶级', '世界级', '全球第一', '唯一', '独家', '首选', '特供', '专供',
    '国宾', '国宴', '驰名商标', '免检', '官方', '政府指定', '国家指定',
  ],
};

export const DEFAULT_PROHIBITED_WORDS: readonly ProhibitedWord[] = (
  Object.entries(BY_CATEGORY) as [ProhibitedCategory, readonly string[]][]
).flatMap(([category, words]) => words.map((word) => ({ word, category })));
