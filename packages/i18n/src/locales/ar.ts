import type { PortalMessages } from "../messages";
import portal from "./portal/ar";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES). Right to left.
const ar: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "اللغة",
    skipToContent: "انتقل إلى المحتوى",
    status: {
      received: "تم الاستلام",
      payment_verified: "تم التحقق من الدفع",
      screened: "تمت المراجعة",
      allocated: "تم التخصيص",
      documented: "المستندات جاهزة",
      label_created: "تم إنشاء الملصق",
      handed_over: "سُلّم لشركة الشحن",
      in_transit: "قيد النقل",
      delivered: "تم التسليم",
      on_hold: "معلّق",
      cancelled: "ملغى",
      returned: "مُعاد",
    },
    channel: {
      shopify: "Shopify",
      amazon: "أمازون",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "رفع ملف CSV",
      api: "API",
      demo: "قناة تجريبية",
    },
    role: {
      owner: "المالك",
      admin: "مسؤول",
      operator: "مشغّل",
      viewer: "للقراءة فقط",
    },
    actions: {
      signIn: "تسجيل الدخول",
      signOut: "تسجيل الخروج",
      apply: "تطبيق",
      clearFilters: "مسح عوامل التصفية",
      retry: "إعادة المحاولة",
      backHome: "العودة إلى البداية",
    },
    pagination: {
      next: "الصفحة التالية",
      previous: "الصفحة السابقة",
      first: "الصفحة الأولى",
      page: "الصفحة {{page}}",
    },
    signIn: {
      devBadge: "وضع التطوير",
      devNote: "اختر مستخدمًا تجريبيًا لتسجيل الدخول. تستخدم خوادم الإنتاج تسجيل الدخول الموحّد لمؤسستك بدلًا من ذلك.",
      pickUser: "اختر مستخدمًا",
      continueAs: "المتابعة باسم {{name}}",
      disabledTitle: "تسجيل دخول المطوّرين متوقف",
      disabledBody:
        "يسجّل هذا الخادم الدخول عبر تسجيل الدخول الموحّد لمؤسستك (Clerk). استخدم رابط الدخول الذي أرسله المسؤول.",
      noUsersTitle: "لا يوجد مستخدمون تجريبيون بعد",
      noUsersBody: "أنشئ المستأجر التجريبي باستخدام “pnpm crossflow seed:demo” ثم أعد تحميل هذه الصفحة.",
      failed: "تعذّر تسجيل الدخول. يُرجى المحاولة مرة أخرى.",
    },
    errors: {
      notFoundTitle: "الصفحة غير موجودة",
      notFoundBody: "الصفحة التي تبحث عنها غير موجودة أو تم نقلها.",
      genericTitle: "حدث خطأ ما",
      genericBody: "تعذّر تحميل هذه الصفحة. يُرجى المحاولة بعد قليل؛ وإذا استمرت المشكلة فتواصل مع الدعم.",
      unavailableTitle: "الخدمة غير متاحة",
      unavailableBody: "لا يمكن الوصول إلى Crossflow الآن. يُرجى المحاولة بعد قليل.",
      code: "خطأ {{status}}",
    },
    time: {
      shownIn: "الأوقات بتوقيت {{timeZone}}",
    },
    empty: "—",
  },
  portal,
};

export default ar;
