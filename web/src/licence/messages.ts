// The texts of the licence document (the PDF download), spread into the catalogues as `licenceDocument`.

export const zh = {
  download: '下载营业执照（PDF）',
  downloading: '正在生成营业执照…',
  downloaded: '营业执照已下载。扫描其中的二维码可打开核验页面。',
  failed: '营业执照未能下载：{{message}}',
  failedUnknown: '营业执照未能下载，请稍后再试。',
};

export const en: typeof zh = {
  download: 'Download licence (PDF)',
  downloading: 'Preparing the licence…',
  downloaded: 'The licence has been downloaded. Its QR code opens the verification page.',
  failed: 'The licence could not be downloaded: {{message}}',
  failedUnknown: 'The licence could not be downloaded. Please try again later.',
};
