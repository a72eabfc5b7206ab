/**
 * กลุ่มตัวอย่างขั้นต่ำ: the minimum number of respondents the NACC asks for. These figures are
 * NOT in the framework data files and were not confirmed against the FY 2566 manual; they
 * are shown on the dashboard marked as unconfirmed. Replace with framework data when known.
 */
export const MINIMUM_SAMPLE = {
  IIT: {
    value: 30,
    confidence: 'unconfirmed' as const,
    noteTh: 'IIT: อย่างน้อย 30 คน หรือบุคลากรทั้งหมดถ้าน้อยกว่า (ยังไม่ยืนยันกับคู่มือ)',
  },
  EIT: {
    value: 100,
    confidence: 'unconfirmed' as const,
    noteTh: 'EIT: อย่างน้อย 100 คน (ยังไม่ยืนยันกับคู่มือ)',
  },
};
