/** The announcement and order templates (data), e.g. for personnel to link its HR criteria. */
export { listTemplates, findTemplate, type OfficialTemplate } from './templates.js';
