// Types for peer-address.mjs, which plain-Node server/server.mjs and the app share.
export const peerAddressHeader: 'x-cotech-peer-address';
export function declarePeerAddressHeader(): void;
export function peerAddressHeaderIsDeclared(): boolean;
