import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { QINGDAO_DISTRICT_AREA_CODES, type QingdaoDistrict } from '../credit-code.js';

// Reference enums every module shares (design/domain-rules.md §0, api.md "Shared"): one GraphQL
// definition each, so registration, names, hosting and financing speak of the same District, Zone
// and EnterpriseKind.

export enum District {
  SHINAN = 'SHINAN',
  SHIBEI = 'SHIBEI',
  HUANGDAO = 'HUANGDAO',
  LAOSHAN = 'LAOSHAN',
  LICANG = 'LICANG',
  CHENGYANG = 'CHENGYANG',
  JIMO = 'JIMO',
  JIAOZHOU = 'JIAOZHOU',
  PINGDU = 'PINGDU',
  LAIXI = 'LAIXI',
}
registerEnumType(District, {
  name: 'District',
  description:
    'A district or county-level city of Qingdao (GB/T 2260); its registering authority issues the credit code.',
  valuesConfig: {
    SHINAN: { description: '市南区 Shinan District (370202).' },
    SHIBEI: { description: '市北区 Shibei District (370203).' },
    HUANGDAO: {
      description:
        '黄岛区 Huangdao District, the West Coast New Area (370211); the pilot free trade zone lies inside it.',
    },
    LAOSHAN: { description: '崂山区 Laoshan District (370212).' },
    LICANG: { description: '李沧区 Licang District (370213).' },
    CHENGYANG: { description: '城阳区 Chengyang District (370214).' },
    JIMO: { description: '即墨区 Jimo District (370215).' },
    JIAOZHOU: { description: '胶州市 Jiaozhou City (370281); the SCO demonstration zone lies inside it.' },
    PINGDU: { description: '平度市 Pingdu City (370283).' },
    LAIXI: { description: '莱西市 Laixi City (370285).' },
  } satisfies Record<QingdaoDistrict, { description: string }>,
});

export enum Zone {
  QINGDAO_FTZ = 'QINGDAO_FTZ',
  SCO_DEMO_ZONE = 'SCO_DEMO_ZONE',
  NONE = 'NONE',
}
registerEnumType(Zone, {
  name: 'Zone',
  description: 'A special economic zone an address lies in, or NONE.',
  valuesConfig: {
    QINGDAO_FTZ: {
      description: '中国（山东）自由贸易试验区青岛片区, the Qingdao pilot free trade zone (in Huangdao District).',
    },
    SCO_DEMO_ZONE: {
      description: '中国—上海合作组织地方经贸合作示范区, the SCO demonstration zone (in Jiaozhou City).',
    },
    NONE: { description: 'Not in a special zone.' },
  },
});

/** The district each zone lies in: an address in a zone must be in that district. */
export const ZONE_DISTRICT: Readonly<Record<Exclude<Zone, Zone.NONE>, District>> = Object.freeze({
  [Zone.QINGDAO_FTZ]: District.HUANGDAO,
  [Zone.SCO_DEMO_ZONE]: District.JIAOZHOU,
});

/** The GB/T 2260 code of the district's registering authority. */
export function districtAreaCode(district: District): string {
  return QINGDAO_DISTRICT_AREA_CODES[district as unknown as QingdaoDistrict];
}

export enum EnterpriseKind {
  LIMITED_LIABILITY_COMPANY = 'LIMITED_LIABILITY_COMPANY',
  JOINT_STOCK_COMPANY = 'JOINT_STOCK_COMPANY',
  PARTNERSHIP = 'PARTNERSHIP',
  SOLE_PROPRIETORSHIP = 'SOLE_PROPRIETORSHIP',
  BRANCH = 'BRANCH',
  FARMERS_COOPERATIVE = 'FARMERS_COOPERATIVE',
  INDIVIDUAL_BUSINESS = 'INDIVIDUAL_BUSINESS',
}
registerEnumType(EnterpriseKind, {
  name: 'EnterpriseKind',
  description: 'The legal form of a market entity.',
  valuesConfig: {
    LIMITED_LIABILITY_COMPANY: { description: '有限责任公司 Limited liability company.' },
    JOINT_STOCK_COMPANY: { description: '股份有限公司 Joint-stock company.' },
    PARTNERSHIP: { description: '合伙企业 Partnership.' },
    SOLE_PROPRIETORSHIP: { description: '个人独资企业 Sole proprietorship.' },
    BRANCH: { description: '分公司 Branch of an enterprise.' },
    FARMERS_COOPERATIVE: { description: "农民专业合作社 Farmers' specialised cooperative." },
    INDIVIDUAL_BUSINESS: { description: '个体工商户 Individual business.' },
  },
});

@ObjectType({ description: 'An enterprise name split into its four parts; a part the name lacks is null.' })
export class EnterpriseNameParts {
  @Field(() => String, { nullable: true, description: 'Administrative division, e.g. 青岛.' })
  administrativeDivision!: string | null;

  @Field(() => String, { nullable: true, description: 'Trade name (字号), e.g. 海川.' })
  tradeName!: string | null;

  @Field(() => String, { nullable: true, description: 'Industry or business feature, e.g. 智能科技.' })
  industry!: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation form, e.g. 有限公司.' })
  organisationForm!: string | null;
}
