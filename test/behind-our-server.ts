// The unit tests call route handlers as server/server.ts would: behind it, whose peer-address header is trusted.
// lib/http/client-address.test.ts checks the other ways a process may be started.
import { declarePeerAddressHeader } from '@/lib/http/peer-address';

declarePeerAddressHeader();
