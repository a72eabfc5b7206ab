import type { Translation } from '../i18n/i18n.js';

export const th = {
  errors: {
    notFound: 'ไม่พบหนังสือนี้ในทะเบียนของหน่วยงาน',
    signedIsFrozen: 'หนังสือนี้ลงนามแล้ว จึงแก้ไขไม่ได้ หากต้องการเปลี่ยนข้อความ ให้ออกฉบับใหม่แทนฉบับนี้',
    alreadySigned: 'หนังสือนี้ลงนามแล้ว',
    notADraft: 'ส่งตรวจได้เฉพาะร่างหนังสือ',
    notSigned: 'ต้องให้ผู้บริหารลงนามก่อนจึงจะเผยแพร่ได้',
    alreadyPublished: 'หนังสือนี้เผยแพร่แล้ว',
    replaceOnlySigned: 'ออกฉบับแทนได้เฉพาะหนังสือที่ลงนามแล้ว ร่างหนังสือแก้ไขได้โดยตรง',
    alreadyReplaced: 'หนังสือนี้มีฉบับที่ออกแทนแล้ว ให้แก้ไขหรือออกแทนฉบับใหม่นั้น',
    signerMustBeExecutive: 'ผู้ลงนามต้องเป็นผู้บริหารของหน่วยงาน',
    numberTaken: 'เลขที่คำสั่งนี้ใช้แล้วในปีนี้ เว้นว่างไว้เพื่อให้ระบบออกเลขถัดไป หรือพิมพ์เลขอื่น',
    numberInvalid: 'เลขที่คำสั่งต้องเป็นจำนวนเต็มตั้งแต่ ๑ ขึ้นไป',
    emblemMissing: 'กรุณาเลือกไฟล์ตราหน่วยงาน',
    emblemNotPng: 'ตราหน่วยงานต้องเป็นไฟล์รูปภาพ PNG',
    emblemTooLarge: 'ไฟล์ตราหน่วยงานใหญ่เกิน ๒ MB',
  },
} as const;

export const en: Translation<typeof th> = {
  errors: {
    notFound: 'This document is not in the agency’s register.',
    signedIsFrozen:
      'This document has been signed and cannot be edited. To change its text, issue a new one that replaces it.',
    alreadySigned: 'This document has already been signed.',
    notADraft: 'Only a draft can be sent for review.',
    notSigned: 'An executive must sign it before it can be published.',
    alreadyPublished: 'This document has already been published.',
    replaceOnlySigned: 'Only a signed document is replaced; edit a draft directly.',
    alreadyReplaced: 'This document already has a replacement; edit or replace that one.',
    signerMustBeExecutive: 'The signer must be one of the agency’s executives.',
    numberTaken:
      'This order number is already used this year. Leave it blank for the next number, or type another.',
    numberInvalid: 'The order number must be a whole number from 1.',
    emblemMissing: 'Please choose the emblem file.',
    emblemNotPng: 'The emblem must be a PNG image.',
    emblemTooLarge: 'The emblem file is larger than 2 MB.',
  },
};
