// UI texts of the inbox page (issue 20), spread into both dictionaries under `inbox`.
export const zh = {
  inbox: {
    title: '通知中心',
    intro: '您的全部通知，最新的在前。',
    seeAll: '查看全部通知',
    loadMore: '加载更多',
    loadingMore: '正在加载…',
    markRead: '标为已读',
    markAllRead: '本页全部标为已读',
    empty: '暂无通知。',
    unreadOnly: '只看未读',
    count: '共 {{total}} 条，{{unread}} 条未读',
    end: '已经到底了。',
    read: '已读',
  },
};

export const en: typeof zh = {
  inbox: {
    title: 'Notifications',
    intro: 'All your notifications, newest first.',
    seeAll: 'See all notifications',
    loadMore: 'Load more',
    loadingMore: 'Loading…',
    markRead: 'Mark as read',
    markAllRead: 'Mark all shown as read',
    empty: 'No notifications yet.',
    unreadOnly: 'Unread only',
    count: '{{total}} in all, {{unread}} unread',
    end: 'That is all of them.',
    read: 'Read',
  },
};
