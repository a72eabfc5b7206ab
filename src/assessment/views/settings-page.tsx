import { Layout } from '../../core/http/layout.js';
import { Notice, PageHeader, PostForm } from '../../core/http/ui.js';

/** The agency admin decides whether unit officers may import results and write the analysis. */
export function AssessmentSettingsPage(props: { officersMayManage: boolean }) {
  return (
    <Layout title="สิทธิ์ของเจ้าหน้าที่ในงานผลการประเมิน ITA">
      <PageHeader
        title="สิทธิ์ของเจ้าหน้าที่ในงานผลการประเมิน ITA"
        lead="ผลการประเมินทางการและรายงานการวิเคราะห์ที่ผู้บริหารลงนามเป็นหน้าที่ของผู้ดูแลระบบของหน่วยงาน เว้นแต่หน่วยงานมอบสิทธิ์ให้เจ้าหน้าที่หน่วยงานย่อย ทุกการเปลี่ยนแปลงถูกบันทึกในประวัติการใช้งาน"
      />
      <Notice />
      <PostForm action="/staff/assessment/settings" class="card stack">
        <label>
          <input
            type="checkbox"
            name="officersMayManage"
            value="on"
            checked={props.officersMayManage}
          />{' '}
          ให้เจ้าหน้าที่หน่วยงานย่อยนำเข้าผลการประเมินทางการ และแก้ไขรายงานการวิเคราะห์ได้
        </label>
        <button type="submit">บันทึก</button>
      </PostForm>
    </Layout>
  );
}
