// What the setup pages show while a new authenticator waits for its first code: the QR code
// (an SVG drawn here on the server, so no script or image request is needed) and the key to
// type by hand. Only shown before the setup is confirmed; afterwards the secret stays sealed.
import QRCode from "qrcode";
import { groupedKey, totpUri } from "./two-factor-codes";

export interface SetupKeyView {
  qrSvg: string;
  manualKey: string;
}

export async function setupKeyView(accountName: string, secret: string): Promise<SetupKeyView> {
  const qrSvg = await QRCode.toString(totpUri(accountName, secret), { type: "svg", margin: 2, width: 200, errorCorrectionLevel: "M" });
  return { qrSvg, manualKey: groupedKey(secret) };
}
