import { appCodegen } from '../codegen.shared.js';

export default appCodegen('operations');
