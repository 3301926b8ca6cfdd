import type { PortalMessages } from "../messages";
import portal from "./portal/pt-BR";

// A customer-portal language: only the namespaces the portal uses (see PORTAL_LOCALES).
const ptBR: PortalMessages = {
  common: {
    brand: "Crossflow",
    language: "Idioma",
    skipToContent: "Pular para o conteúdo",
    status: {
      received: "Recebido",
      payment_verified: "Pagamento verificado",
      screened: "Verificado",
      allocated: "Alocado",
      documented: "Documentado",
      label_created: "Etiqueta criada",
      handed_over: "Entregue à transportadora",
      in_transit: "Em trânsito",
      delivered: "Entregue",
      on_hold: "Em espera",
      cancelled: "Cancelado",
      returned: "Devolvido",
    },
    channel: {
      shopify: "Shopify",
      amazon: "Amazon",
      ebay: "eBay",
      tiktok: "TikTok Shop",
      woocommerce: "WooCommerce",
      csv: "Envio de CSV",
      api: "API",
      demo: "Canal de demonstração",
    },
    role: {
      owner: "Proprietário",
      admin: "Administrador",
      operator: "Operador",
      viewer: "Somente leitura",
    },
    actions: {
      signIn: "Entrar",
      signOut: "Sair",
      apply: "Aplicar",
      clearFilters: "Limpar filtros",
      retry: "Tentar novamente",
      backHome: "Voltar ao início",
    },
    pagination: {
      next: "Próxima página",
      previous: "Página anterior",
      first: "Primeira página",
      page: "Página {{page}}",
    },
    signIn: {
      devBadge: "Modo de desenvolvimento",
      devNote:
        "Escolha um usuário de demonstração para entrar. Servidores de produção usam o login único da sua organização.",
      pickUser: "Escolha um usuário",
      continueAs: "Continuar como {{name}}",
      disabledTitle: "O login de desenvolvedor está desativado",
      disabledBody:
        "Este servidor faz login pelo login único da sua organização (Clerk). Use o link de acesso fornecido pelo administrador.",
      noUsersTitle: "Ainda não há usuários de demonstração",
      noUsersBody: "Crie o tenant de demonstração com “pnpm crossflow seed:demo” e recarregue esta página.",
      failed: "Falha ao entrar. Tente novamente.",
    },
    errors: {
      notFoundTitle: "Página não encontrada",
      notFoundBody: "A página que você procura não existe ou foi movida.",
      genericTitle: "Algo deu errado",
      genericBody:
        "Não foi possível carregar esta página. Tente de novo em instantes; se continuar, fale com o suporte.",
      unavailableTitle: "Serviço indisponível",
      unavailableBody: "Não é possível acessar a Crossflow agora. Tente novamente em instantes.",
      code: "Erro {{status}}",
    },
    time: {
      shownIn: "Horários em {{timeZone}}",
    },
    empty: "—",
  },
  portal,
};

export default ptBR;
