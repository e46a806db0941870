/**
 * Certificates and cash (decision 043): the certificates of a decision as one A4 landscape PDF
 * (Decree 98/2023 Art. 104), certificate templates for printing onto pre-printed blanks, and the
 * payment list (.xlsx) per funding source. The renderers take plain rows, so the award decision
 * module feeds them without this module reading its tables.
 */
export { registerCertificateRoutes } from './certificates.routes';
export {
  createTemplate,
  deleteTemplate,
  layoutFor,
  listTemplates,
  previewLayout,
  previewTemplate,
  templateLayout,
  updateTemplate,
} from './templates.service';
export {
  STANDARD_LAYOUT,
  certificateTexts,
  certificatesPdfReadable,
  renderCertificatesPdf,
  streamCertificatesPdf,
  type CertificateLayout,
  type CertificateRow,
} from './certificate-pdf';
export { sampleCertificateRow } from './certificate-sample';
export {
  paymentGroups,
  renderPaymentListXlsx,
  type PaymentGroup,
  type PaymentListOptions,
  type PaymentRow,
} from './payment-list-xlsx';
