import { raw } from 'hono/html';
import { Layout } from '../../core/http/layout.js';
import { useT } from '../../core/http/ui.js';
import type { Campaign } from '../campaigns.js';

const SLIPS_CSS = `.slips{display:grid;grid-template-columns:1fr 1fr;gap:0}.slip{border:1px dashed #555;padding:8mm;break-inside:avoid}
.slip code{font-size:1.4rem;letter-spacing:.1em}.slip .qr{float:right;width:28mm;height:28mm;margin-left:4mm}.slip .qr svg{width:100%;height:100%}@media print{.site-header,.site-footer,nav,.no-print{display:none}@page{size:A4;margin:10mm}}`;

/**
 * The access codes, once, as slips to print and cut (only their hashes are stored). One QR code
 * for every slip: it carries the survey's address, never the code itself, so a photographed
 * slip does not put a respondent's one-time code into a URL or a log.
 */
export function CodeSlipsPage(props: {
  campaign: Campaign;
  codes: string[];
  shortUrl: string;
  qrSvg: string;
}) {
  const t = useT();
  const k = (key: string) => t(`surveys.staff.slips.${key}`);
  return (
    <Layout title={k('title')}>
      <style>{raw(SLIPS_CSS)}</style>
      <p class="no-print notice">{k('printOnce')}</p>
      <div class="slips">
        {props.codes.map((code) => (
          <div class="slip">
            <div class="qr" aria-hidden="true">
              {raw(props.qrSvg)}
            </div>
            <p>{props.campaign.titleTh}</p>
            <p>
              {k('code')} <code data-code>{code}</code>
            </p>
            <p>
              {k('scanOrType')} <strong data-short-link>{props.shortUrl}</strong>
            </p>
            <p class="muted">{k('once')}</p>
          </div>
        ))}
      </div>
    </Layout>
  );
}

const POSTER_CSS = `.poster{text-align:center;max-width:180mm;margin:auto}.poster svg{width:120mm;height:120mm}
@media print{.site-header,.site-footer,nav{display:none}@page{size:A4;margin:15mm}}`;

/** The EIT poster: the campaign's QR code (channel "qr") and its address, to print on A4. */
export function PosterPage(props: { campaign: Campaign; url: string; qrSvg: string }) {
  const t = useT();
  const k = (key: string) => t(`surveys.staff.poster.${key}`);
  return (
    <Layout title={k('title')}>
      <style>{raw(POSTER_CSS)}</style>
      <div class="poster">
        <h1>{k('heading')}</h1>
        <p style="font-size:1.3rem">{props.campaign.titleTh}</p>
        <div data-qr-url={props.url}>{raw(props.qrSvg)}</div>
        <p>{k('scan')}</p>
        <p>
          <code>{props.url}</code>
        </p>
      </div>
    </Layout>
  );
}
