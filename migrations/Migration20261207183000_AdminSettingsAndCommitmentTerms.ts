import { Migration } from '@mikro-orm/migrations';

// Settings an administrator now keeps in the console instead of in code or the environment:
// - how long a financing demand stays open (was FINANCING_DEMAND_VALIDITY_DAYS, default 60; the
//   variable is gone, this row starts at that default);
// - the registration commitment texts, as published versions. The versions the platform shipped
//   with keep their labels, so commitments already given and clients quoting them stay valid.
export class Migration20261207183000_AdminSettingsAndCommitmentTerms extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "financing_settings" ("id" smallint not null default 1, "demand_validity_days" int not null, "updated_at" timestamptz not null, constraint "financing_settings_pkey" primary key ("id"));`);
    this.addSql(`insert into "financing_settings" ("id", "demand_validity_days", "updated_at") values (1, 60, now());`);
    this.addSql(`create table "registration_commitment_terms" ("id" uuid not null, "text" varchar(20) not null, "number" int not null, "version" varchar(40) not null, "text_zh" text not null, "text_en" text not null, "published_at" timestamptz not null, "published_by" uuid null, constraint "registration_commitment_terms_pkey" primary key ("id"));`);
    this.addSql(`alter table "registration_commitment_terms" add constraint "registration_commitment_terms_text_number_unique" unique ("text", "number");`);
    this.addSql(`alter table "registration_commitment_terms" add constraint "registration_commitment_terms_text_version_unique" unique ("text", "version");`);
    this.addSql(`insert into "registration_commitment_terms" ("id", "text", "number", "version", "text_zh", "text_en", "published_at") select gen_random_uuid(), t, n, v, zh, en, now() from (values
      ('ESTABLISHMENT', 1, 'REG-2026.1', '本申请人承诺：所申报的企业名称、住所、经营范围及其他登记、备案事项真实、合法、有效，提交的材料与原件一致；如有虚假，愿承担相应法律责任，登记机关可依法撤销登记。', 'The applicant commits that the declared name, address, business scope and every other registered and filed item are true, lawful and valid, and that the materials submitted match the originals; if any is false, the applicant bears the legal consequences and the registry may revoke the registration.'),
      ('CHANGE', 1, 'REG-2026.1', '本申请人承诺：所申报的企业名称、住所、经营范围及其他登记、备案事项真实、合法、有效，提交的材料与原件一致；如有虚假，愿承担相应法律责任，登记机关可依法撤销登记。', 'The applicant commits that the declared name, address, business scope and every other registered and filed item are true, lawful and valid, and that the materials submitted match the originals; if any is false, the applicant bears the legal consequences and the registry may revoke the registration.'),
      ('DEREGISTRATION', 1, 'DEREG-2026.1', '本申请人承诺：企业已依法清算，债权债务已清偿完毕或已妥善处理，不存在未结清的税款、社会保险费、医疗保险费和住房公积金；如有虚假，愿承担相应法律责任。', 'The applicant commits that the enterprise has been liquidated according to law, its debts are paid or properly settled, and no taxes, social insurance, medical insurance or housing fund contributions remain outstanding; if any is false, the applicant bears the legal consequences.'),
      ('SIMPLIFIED_NOTICE', 1, 'SIMPLE-DEREG-2026.1', '本企业全体投资人承诺：本企业未发生债权债务或者已将债权债务清偿完结，未发生或者已结清清偿费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款），不存在股权被冻结、出质或者尚未执行完毕的罚款等不适用简易注销的情形，并对上述情况的真实性承担法律责任（《市场主体登记管理条例》第三十三条）。', 'All investors of this enterprise promise that it has no debts or has paid them all; that it owes no liquidation costs, wages, social insurance contributions, statutory compensation or taxes (late fees and fines included); that its equity is neither frozen nor pledged and no fine is unpaid; and they bear legal liability for the truth of this (Regulations on the Registration of Market Entities, Art. 33).')
    ) as seed(t, n, v, zh, en);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "registration_commitment_terms" cascade;`);
    this.addSql(`drop table if exists "financing_settings" cascade;`);
  }
}
