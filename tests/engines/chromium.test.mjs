// The reader's paths in chromium (tests/engines/paths.mjs says them once for the three engines).
import { engineSuite } from './paths.mjs';

engineSuite('chromium');
