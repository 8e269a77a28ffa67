// Every text the dashboard shows, in Spanish and in English, under the same keys. A text with values is a function
// of already formatted values, so each language keeps its own word order, articles and plurals.

const es = {
  'page.title': 'Faro · Panel de campañas',
  'header.subtitle': 'Panel de campañas',
  'header.signOut': 'Cerrar sesión',
  'language.label': 'Idioma',

  'signIn.title': 'Iniciar sesión',
  'signIn.tokenLabel': 'Token de acceso (JWT con el rol de marketing)',
  'signIn.submit': 'Entrar',
  'signIn.note': 'Este panel de pruebas pide el token a mano. En producción el acceso pasa por el inicio de sesión '
    + 'único de tu empresa (OIDC). El token se guarda solo en esta pestaña y se borra al cerrarla.',
  'signIn.pasteToken': 'Pega tu token para entrar.',
  'signIn.required': 'Inicia sesión para ver tus campañas.',
  'signIn.expired': 'El token no es válido o ha caducado. Pega uno nuevo para seguir.',
  'signIn.forbidden': 'Este token no da acceso al panel: hace falta el rol de marketing (marketer) o admin.',

  'form.campaign': 'Campaña (id)',
  'form.page': 'Página de aterrizaje',
  'form.pageOptional': '(si hay varias)',
  'form.submit': 'Ver',

  'status.campaignMissing': 'Escribe el id de una campaña.',
  'status.loading': ({ campaign }) => `Cargando «${campaign}»…`,
  'status.notFound': ({ campaign }) => `No hay datos de la campaña «${campaign}». Revisa el id.`,
  'status.failed': ({ campaign, detail }) => `No se pudo cargar la campaña «${campaign}»: ${detail}`,
  'status.updated': ({ time }) => `Actualizado a las ${time}. Totales de toda la campaña; días en UTC.`,
  'error.network': 'No se pudo conectar con el servicio de analítica. Inténtalo de nuevo.',

  'report.campaign': 'Campaña',
  'figure.visitors': 'Visitantes',
  'figure.leads': 'Leads',
  'figure.conversion': 'Conversión',
  'figure.costPerLead': 'Coste por lead',
  'figure.spend': 'Inversión',
  'figure.revenue': 'Ingresos',
  'figure.roi': 'ROI',
  'figure.leadToCustomer': 'Lead → cliente',

  'funnel.title': 'Embudo',
  'stage.visitors': 'Visitantes',
  'stage.leads': 'Leads',
  'stage.confirmed': 'Confirmados',
  'stage.incentivesIssued': 'Incentivos',
  'stage.emailsSent': 'Emails enviados',
  'stage.redemptions': 'Canjeados',

  'trend.title': 'Leads por día y acumulado',

  'goal.title': 'Objetivo',
  'goal.status.no-goal': 'La campaña no tiene objetivo de leads.',
  'goal.status.on-track': 'En camino',
  'goal.status.at-risk': 'En riesgo',
  'goal.status.reached': 'Objetivo alcanzado',
  'goal.status.missed': 'Objetivo no alcanzado',
  'goal.summary': ({ status, leads, target }) => `${status}: ${leads} de ${target} leads (`,
  'goal.reachedOn': ({ day }) => `Alcanzado el ${day}.`,
  'goal.deadline': ({ day, days, count }) => (count === 1
    ? `Fecha límite: ${day} (queda ${days} día).`
    : `Fecha límite: ${day} (quedan ${days} días).`),
  'goal.pace': ({ perDay, days }) => `Ritmo: ${perDay} leads al día en los últimos ${days} días.`,
  'goal.projected': ({ day }) => `A este ritmo se alcanza el ${day}.`,
  'goal.noProjection': 'Sin leads recientes no hay fecha prevista.',
  'goal.utc': 'Días en UTC.',
  'goal.unavailable': 'El objetivo no está disponible ahora mismo.',

  'ab.title': 'Test A/B',
  'ab.caption': 'Conversión por variante, con su intervalo del 95 %',
  'ab.column.variant': 'Variante',
  'ab.column.visitors': 'Visitantes',
  'ab.column.leads': 'Leads',
  'ab.column.conversion': 'Conversión (intervalo 95 %)',
  'ab.variant': ({ variant, isControl }) => (isControl ? `${variant} (control)` : variant),
  'ab.winner': ({ variant, isControl, decidedOn }) => `Ganadora: variante ${variant}`
    + `${isControl ? ' (el control)' : ''}${decidedOn ? ` (decidido el ${decidedOn})` : ''}`,
  'ab.noDifference': ({ decidedOn }) => 'Sin diferencia relevante entre variantes'
    + `${decidedOn ? ` (decidido el ${decidedOn})` : ''}`,
  'ab.undecided': 'Sin conclusión todavía: faltan datos para decidir',
  'ab.comparison': ({
    variant, control, difference, low, high, p, outcome,
  }) => `${variant} frente a ${control}: ${difference} puntos (intervalo ${low} a ${high}), p = ${p}: ${outcome}`,
  'ab.outcome.better': 'mejor que el control',
  'ab.outcome.worse': 'peor que el control',
  'ab.outcome.equivalent': 'equivalente',
  'ab.outcome.undecided': 'sin decidir',
  'ab.reason': ({ reason }) => `Cálculo: ${reason}`,
  'ab.choosePage': ({ detail }) => `Elige la página de aterrizaje del test: ${detail}`,
  'ab.unavailable': 'El test A/B no está disponible ahora mismo.',

  'chart.funnel': ({ stages }) => `Embudo. ${stages}`,
  'chart.trend': ({ from, to, total }) => `Leads por día del ${from} al ${to}; acumulado ${total}`,
  'chart.trendEmpty': 'Todavía no hay actividad diaria que mostrar.',
  'chart.trendDaily': 'Leads del día',
  'chart.trendCumulative': 'Acumulado',
  'chart.trendDay': ({ day, leads, cumulative }) => `${day}: ${leads} leads, ${cumulative} acumulados`,
  'chart.goal': ({ leads, target, share }) => `${leads} de ${target} leads (${share})`,
  'chart.goalLeads': ({ leads }) => `${leads} leads`,
  'chart.goalTarget': ({ target }) => `objetivo ${target}`,
  'chart.variants': ({ variants }) => `Conversión por variante: ${variants}`,
  'chart.variantsEmpty': 'Sin variantes con datos en esta página.',
};

const en = {
  'page.title': 'Faro · Campaign dashboard',
  'header.subtitle': 'Campaign dashboard',
  'header.signOut': 'Sign out',
  'language.label': 'Language',

  'signIn.title': 'Sign in',
  'signIn.tokenLabel': 'Access token (a JWT with the marketer role)',
  'signIn.submit': 'Sign in',
  'signIn.note': 'This test dashboard asks for the token by hand. In production you get in through your company’s '
    + 'single sign-on (OIDC). The token is kept in this tab only and is deleted when you close it.',
  'signIn.pasteToken': 'Paste your token to sign in.',
  'signIn.required': 'Sign in to see your campaigns.',
  'signIn.expired': 'The token is not valid or has expired. Paste a new one to go on.',
  'signIn.forbidden': 'This token gives no access to the dashboard: it needs the marketer or admin role.',

  'form.campaign': 'Campaign (id)',
  'form.page': 'Landing page',
  'form.pageOptional': '(if there are several)',
  'form.submit': 'Show',

  'status.campaignMissing': 'Type a campaign id.',
  'status.loading': ({ campaign }) => `Loading “${campaign}”…`,
  'status.notFound': ({ campaign }) => `There is no data for the campaign “${campaign}”. Check the id.`,
  'status.failed': ({ campaign, detail }) => `The campaign “${campaign}” could not be loaded: ${detail}`,
  'status.updated': ({ time }) => `Updated at ${time}. Totals for the whole campaign; days in UTC.`,
  'error.network': 'The analytics service could not be reached. Please try again.',

  'report.campaign': 'Campaign',
  'figure.visitors': 'Visitors',
  'figure.leads': 'Leads',
  'figure.conversion': 'Conversion',
  'figure.costPerLead': 'Cost per lead',
  'figure.spend': 'Spend',
  'figure.revenue': 'Revenue',
  'figure.roi': 'ROI',
  'figure.leadToCustomer': 'Lead → customer',

  'funnel.title': 'Funnel',
  'stage.visitors': 'Visitors',
  'stage.leads': 'Leads',
  'stage.confirmed': 'Confirmed',
  'stage.incentivesIssued': 'Incentives',
  'stage.emailsSent': 'Emails sent',
  'stage.redemptions': 'Redeemed',

  'trend.title': 'Leads per day and cumulative',

  'goal.title': 'Goal',
  'goal.status.no-goal': 'The campaign has no lead goal.',
  'goal.status.on-track': 'On track',
  'goal.status.at-risk': 'At risk',
  'goal.status.reached': 'Goal reached',
  'goal.status.missed': 'Goal missed',
  'goal.summary': ({ status, leads, target }) => `${status}: ${leads} of ${target} leads (`,
  'goal.reachedOn': ({ day }) => `Reached on ${day}.`,
  'goal.deadline': ({ day, days, count }) => (count === 1
    ? `Deadline: ${day} (${days} day left).`
    : `Deadline: ${day} (${days} days left).`),
  'goal.pace': ({ perDay, days }) => `Pace: ${perDay} leads a day over the last ${days} days.`,
  'goal.projected': ({ day }) => `At this pace the goal is reached on ${day}.`,
  'goal.noProjection': 'Without recent leads there is no projected date.',
  'goal.utc': 'Days in UTC.',
  'goal.unavailable': 'The goal is not available right now.',

  'ab.title': 'A/B test',
  'ab.caption': 'Conversion per variant, with its 95% interval',
  'ab.column.variant': 'Variant',
  'ab.column.visitors': 'Visitors',
  'ab.column.leads': 'Leads',
  'ab.column.conversion': 'Conversion (95% interval)',
  'ab.variant': ({ variant, isControl }) => (isControl ? `${variant} (control)` : variant),
  'ab.winner': ({ variant, isControl, decidedOn }) => `Winner: variant ${variant}`
    + `${isControl ? ' (the control)' : ''}${decidedOn ? ` (decided on ${decidedOn})` : ''}`,
  'ab.noDifference': ({ decidedOn }) => 'No relevant difference between the variants'
    + `${decidedOn ? ` (decided on ${decidedOn})` : ''}`,
  'ab.undecided': 'No conclusion yet: more data is needed to decide',
  'ab.comparison': ({
    variant, control, difference, low, high, p, outcome,
  }) => `${variant} vs ${control}: ${difference} points (interval ${low} to ${high}), p = ${p}: ${outcome}`,
  'ab.outcome.better': 'better than the control',
  'ab.outcome.worse': 'worse than the control',
  'ab.outcome.equivalent': 'equivalent',
  'ab.outcome.undecided': 'undecided',
  'ab.reason': ({ reason }) => `Calculation: ${reason}`,
  'ab.choosePage': ({ detail }) => `Choose the landing page of the test: ${detail}`,
  'ab.unavailable': 'The A/B test is not available right now.',

  'chart.funnel': ({ stages }) => `Funnel. ${stages}`,
  'chart.trend': ({ from, to, total }) => `Leads per day from ${from} to ${to}; cumulative ${total}`,
  'chart.trendEmpty': 'No daily activity to show yet.',
  'chart.trendDaily': 'Leads per day',
  'chart.trendCumulative': 'Cumulative',
  'chart.trendDay': ({ day, leads, cumulative }) => `${day}: ${leads} leads, ${cumulative} cumulative`,
  'chart.goal': ({ leads, target, share }) => `${leads} of ${target} leads (${share})`,
  'chart.goalLeads': ({ leads }) => `${leads} leads`,
  'chart.goalTarget': ({ target }) => `target ${target}`,
  'chart.variants': ({ variants }) => `Conversion per variant: ${variants}`,
  'chart.variantsEmpty': 'No variants with data on this page.',
};

/** The dashboard's languages, each with the locale its figures and dates are written in. */
export const LANGUAGES = {
  es: { locale: 'es-ES', messages: es },
  // British English: the same day-month order and 24-hour clock as the Spanish page, and Faro's teams are European.
  en: { locale: 'en-GB', messages: en },
};

export const FALLBACK_LANGUAGE = 'en';
