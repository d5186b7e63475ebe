// UI texts of the role menus, the home page's own-items summary and the service cards (issue 20),
// spread into both dictionaries under `landing`.
export const zh = {
  landing: {
    nav: {
      clearanceDesk: '部门清税审核',
      investorDesk: '外商投资服务工作台',
      financingDashboard: '金融服务统计',
      bankWorkbench: '银行工作台',
      hostingDesk: '住所托管工作台',
      admin: '系统管理',
      inbox: '通知中心',
      financing: '金企通融资',
      hosting: '住所托管',
      investorServices: '外商投资服务',
    },
    mineTitle: '我的事项',
    mineApplications: '登记申请',
    mineReservations: '保留的名称',
    mineNothing: '您还没有登记申请或保留的名称。从名称自主申报开始吧。',
    mineMore: '查看全部（共 {{count}} 项）',
    openDesk: '前往我的工作台',
    officialIntro: '您的工作台：{{desk}}',
  },
};

export const en: typeof zh = {
  landing: {
    nav: {
      clearanceDesk: 'Department clearances',
      investorDesk: 'Investor services desk',
      financingDashboard: 'Financing figures',
      bankWorkbench: 'Bank workbench',
      hostingDesk: 'Address hosting desk',
      admin: 'Administration',
      inbox: 'Notifications',
      financing: 'Financing',
      hosting: 'Address hosting',
      investorServices: 'Investor services',
    },
    mineTitle: 'My items',
    mineApplications: 'Registration applications',
    mineReservations: 'Reserved names',
    mineNothing: 'You have no applications or reserved names yet. Start by checking a name.',
    mineMore: 'See all ({{count}})',
    openDesk: 'Go to my desk',
    officialIntro: 'Your desk: {{desk}}',
  },
};
