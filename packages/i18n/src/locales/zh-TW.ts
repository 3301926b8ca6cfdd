import type { PortalMessages } from "../messages";
import portal from "./portal/zh-TW";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES).
const zhTW: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "語言",
    skipToContent: "跳至主要內容",
    status: {
      received: "已接收",
      payment_verified: "付款已確認",
      screened: "已審核",
      allocated: "已分配倉庫",
      documented: "文件已產生",
      label_created: "已建立標籤",
      handed_over: "已交給物流業者",
      in_transit: "運送中",
      delivered: "已送達",
      on_hold: "已暫停",
      cancelled: "已取消",
      returned: "已退回",
    },
    channel: {
      shopify: "Shopify",
      amazon: "亞馬遜",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "CSV 匯入",
      api: "API",
      demo: "示範通路",
    },
    role: {
      owner: "擁有者",
      admin: "管理員",
      operator: "操作員",
      viewer: "唯讀成員",
    },
    actions: {
      signIn: "登入",
      signOut: "登出",
      apply: "套用",
      clearFilters: "清除篩選",
      retry: "再試一次",
      backHome: "返回首頁",
    },
    pagination: {
      next: "下一頁",
      previous: "上一頁",
      first: "第一頁",
      page: "第 {{page}} 頁",
    },
    signIn: {
      devBadge: "開發模式",
      devNote: "請選擇一位示範使用者登入。正式環境會改用貴組織的單一登入。",
      pickUser: "選擇使用者",
      continueAs: "以 {{name}} 身分繼續",
      disabledTitle: "開發者登入已關閉",
      disabledBody: "此伺服器透過貴組織的單一登入（Clerk）登入。請使用管理員提供的登入連結。",
      noUsersTitle: "尚無示範使用者",
      noUsersBody: "請先執行「pnpm crossflow seed:demo」建立示範租戶，然後重新整理本頁。",
      failed: "登入失敗，請再試一次。",
    },
    errors: {
      notFoundTitle: "找不到頁面",
      notFoundBody: "你要找的頁面不存在或已移動。",
      genericTitle: "發生錯誤",
      genericBody: "目前無法載入此頁面。請稍後再試；若問題持續，請聯絡客服。",
      unavailableTitle: "服務暫時無法使用",
      unavailableBody: "目前無法連線至 Crossflow，請稍後再試。",
      code: "錯誤 {{status}}",
    },
    time: {
      shownIn: "時間以 {{timeZone}} 顯示",
    },
    empty: "—",
  },
  portal,
};

export default zhTW;
