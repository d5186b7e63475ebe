import { defineMessages } from '../../shared/messages.js';

export const webhookMessages = defineMessages({
  'webhooks.urlInvalid': {
    zh: '请输入完整的网址，例如 https://partner.example.cn/hooks/qes。',
    en: 'Enter a full URL, e.g. https://partner.example.cn/hooks/qes.',
  },
  'webhooks.urlNotHttps': { zh: '接收地址必须使用 https。', en: 'The endpoint URL must use https.' },
  'webhooks.urlCredentials': {
    zh: '网址中不能包含用户名或密码，请用签名验证请求。',
    en: 'The URL may not contain a user name or password; verify requests by their signature instead.',
  },
  'webhooks.urlUnresolvable': {
    zh: '无法解析该网址的主机名。',
    en: "The URL's host name does not resolve.",
  },
  'webhooks.urlPrivateAddress': {
    zh: '该网址指向内网、本机、链路本地或其他非公网地址，出于安全原因不能使用。',
    en: 'The URL points to a private, loopback, link-local or other non-public address, which is refused for security.',
  },
  'webhooks.eventTypeInvalid': {
    zh: '没有这种事件类型；可用的类型见事件流指南，例如 FINANCING_DEMAND_PUBLISHED。',
    en: 'There is no such event type; the event feed guide lists them, e.g. FINANCING_DEMAND_PUBLISHED.',
  },
  'webhooks.filterOnlyForBanks': {
    zh: '只有银行的接收地址可以设置融资需求筛选条件。',
    en: "Only a bank's endpoints can have a financing demand filter.",
  },
  'webhooks.tooManyEndpoints': {
    zh: '每个机构最多可登记 {max} 个接收地址。',
    en: 'An organisation can register at most {max} endpoints.',
  },
  'webhooks.notify.disabled.title': {
    zh: 'Webhook 接收地址已停用',
    en: 'Webhook endpoint disabled',
  },
  'webhooks.notify.disabled.body': {
    zh: '接收地址 {url} 连续 24 小时投递失败，已自动停用。修复后请在“机构管理 › Webhook”中重新启用。',
    en: 'Deliveries to {url} failed for 24 hours without a break, so the endpoint was disabled. Fix it, then enable it again under Organisation › Webhooks.',
  },
});
