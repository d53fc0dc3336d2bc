import type { CaseDetail, ServiceVersion } from '@yiwang/contracts';
import { Col, Row, Space } from 'antd';
import { isLicence } from './caseParts.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { FormValuesCard } from './FormValuesCard.tsx';
import { isDocument, MaterialsCard } from './MaterialsCard.tsx';
import { isRateable, RatingCard } from './RatingCard.tsx';

const gap = { marginBottom: 16 };

/**
 * The case's content below its clocks: what was applied for and the materials (with upload); for
 * a licence, the materials come first and full width, and the documents issued sit beside the
 * application; for its applicant, once the case is decided, 好差评.
 */
export function CaseCards({
  detail,
  service,
  area,
}: {
  detail: CaseDetail;
  service?: ServiceVersion;
  area: 'workbench' | 'portal';
}) {
  const open = !detail.case.state.terminal;
  // The server lets the applicant add materials while the case is open, and staff who may act on it now.
  const canUpload =
    open && detail.materials.length > 0 && (area === 'portal' || detail.allowedActions.length > 0);
  const rating = area === 'portal' && isRateable(detail) ? <RatingCard detail={detail} /> : null;
  const materials = <MaterialsCard detail={detail} service={service} canUpload={canUpload} area={area} />;
  const form = <FormValuesCard detail={detail} service={service} />;
  if (!isLicence(detail.case) && !detail.attachments.some(isDocument)) {
    return (
      <Row gutter={[16, 16]} style={gap}>
        <Col xs={24} lg={14}>
          {form}
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {materials}
            {rating}
          </Space>
        </Col>
      </Row>
    );
  }
  return (
    <>
      <div style={gap}>{materials}</div>
      <Row gutter={[16, 16]} style={gap}>
        <Col xs={24} lg={12}>
          {form}
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DocumentsCard detail={detail} />
            {rating}
          </Space>
        </Col>
      </Row>
    </>
  );
}
