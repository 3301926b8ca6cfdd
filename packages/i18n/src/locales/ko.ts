import type { PortalMessages } from "../messages";
import portal from "./portal/ko";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES).
const ko: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "언어",
    skipToContent: "본문으로 건너뛰기",
    status: {
      received: "접수됨",
      payment_verified: "결제 확인됨",
      screened: "검토됨",
      allocated: "창고 배정됨",
      documented: "서류 생성됨",
      label_created: "라벨 생성됨",
      handed_over: "택배사 인계",
      in_transit: "운송 중",
      delivered: "배달 완료",
      on_hold: "보류 중",
      cancelled: "취소됨",
      returned: "반품됨",
    },
    channel: {
      shopify: "Shopify",
      amazon: "아마존",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "CSV 업로드",
      api: "API",
      demo: "데모 채널",
    },
    role: {
      owner: "소유자",
      admin: "관리자",
      operator: "운영자",
      viewer: "조회 전용",
    },
    actions: {
      signIn: "로그인",
      signOut: "로그아웃",
      apply: "적용",
      clearFilters: "필터 지우기",
      retry: "다시 시도",
      backHome: "처음으로",
    },
    pagination: {
      next: "다음 페이지",
      previous: "이전 페이지",
      first: "첫 페이지",
      page: "{{page}}페이지",
    },
    signIn: {
      devBadge: "개발 모드",
      devNote: "로그인할 데모 사용자를 선택하세요. 운영 서버에서는 조직의 통합 로그인(SSO)을 사용합니다.",
      pickUser: "사용자 선택",
      continueAs: "{{name}}(으)로 계속",
      disabledTitle: "개발자 로그인이 꺼져 있습니다",
      disabledBody: "이 서버는 조직의 통합 로그인(Clerk)으로 로그인합니다. 관리자가 제공한 로그인 링크를 사용하세요.",
      noUsersTitle: "아직 데모 사용자가 없습니다",
      noUsersBody: "“pnpm crossflow seed:demo”로 데모 테넌트를 만든 뒤 이 페이지를 새로고침하세요.",
      failed: "로그인에 실패했습니다. 다시 시도해 주세요.",
    },
    errors: {
      notFoundTitle: "페이지를 찾을 수 없습니다",
      notFoundBody: "찾으시는 페이지가 없거나 이동되었습니다.",
      genericTitle: "문제가 발생했습니다",
      genericBody:
        "이 페이지를 불러올 수 없습니다. 잠시 후 다시 시도해 주세요. 문제가 계속되면 고객 지원팀에 문의하세요.",
      unavailableTitle: "서비스를 사용할 수 없습니다",
      unavailableBody: "지금은 Crossflow에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.",
      code: "오류 {{status}}",
    },
    time: {
      shownIn: "{{timeZone}} 기준 시간",
    },
    empty: "—",
  },
  portal,
};

export default ko;
