// The name pages' texts for the identical-name exceptions and the Art. 16(3) undertaking on similar
// names, spread into the `names` block of each dictionary.

export const zh = {
  undertakingTitle: '相同相近名称承诺书（第 {{version}} 版）',
  undertakingTermsLabel: '相同相近名称承诺书全文',
  undertakingExplain: '依照《企业名称登记管理规定》第十六条第三项，申报任何企业名称均须作出此项承诺。',
  undertakingAccept: '本人已阅读并接受上述承诺',
  commitmentAndUndertakingAccept: '本人已阅读并接受上述告知承诺书和相同相近名称承诺书',
  conflictException: {
    INVESTMENT_RELATIONSHIP: '因存在投资关系不受此限',
    NAME_TRANSFER: '名称持有企业已同意转让，不受此限',
  },
  undertakingGiven: '相同相近名称承诺',
};

export const en: typeof zh = {
  undertakingTitle: 'Undertaking on similar names (version {{version}})',
  undertakingTermsLabel: 'Full text of the undertaking on similar names',
  undertakingExplain:
    'Every name reservation carries this undertaking (Provisions on Enterprise Name Registration, Art. 16(3)).',
  undertakingAccept: 'I have read and accept this undertaking',
  commitmentAndUndertakingAccept: 'I have read and accept the commitment and the undertaking on similar names above',
  conflictException: {
    INVESTMENT_RELATIONSHIP: 'Allowed: an investment relationship with this enterprise',
    NAME_TRANSFER: 'Allowed: its holder consented to transfer the name to you',
  },
  undertakingGiven: 'Undertaking on similar names',
};
