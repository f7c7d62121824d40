/**
 * The connection to the editor, over the transport the command line names
 * (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`, as vscode-languageserver
 * reads them), with the message reader in our hands: a message that cannot be
 * read is never passed over in silence. A body that is not JSON is logged and
 * the server reads on (the framing still holds); broken framing (a header
 * without a numeric Content-Length) leaves no way to find the next message, so
 * the server logs it and exits non-zero, and the editor starts it again.
 */
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** Exit status when the editor's messages can no longer be read. */
export const UNREADABLE_STATUS = 3;

function transport(argv: string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = argv[i].split('=');
    if (flag === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
    if (flag === '--socket' || flag === '--pipe') {
      const target = value ?? argv[i + 1];
      const [reader, writer] = flag === '--socket' ? createServerSocketTransport(Number(target)) : createServerPipeTransport(target);
      return { reader, writer, stdio: false };
    }
    if (flag === '--stdio') break;
  }
  return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
}

export function connect(argv: string[] = process.argv.slice(2)): Connection {
  const { reader, writer, stdio } = transport(argv);
  // Over stdio, stdout carries the messages: anything printed goes to stderr.
  if (stdio) console.log = console.info = console.debug = console.warn = console.error;
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const log = (message: string) => {
    process.stderr.write(`govreport: ${message}\n`);
    connection.console.error(message);
  };
  let leaving = false;
  reader.onError((error) => {
    if (leaving) return;
    if (error instanceof SyntaxError) {
      log(`a message from the editor is not JSON and was ignored: ${error.message}`);
      return;
    }
    leaving = true;
    log(`the editor's messages cannot be read any more (${error.message}); exiting so that the editor restarts the server`);
    // Let the log message go out first.
    setTimeout(() => process.exit(UNREADABLE_STATUS), 100);
  });
  // The editor closed the connection (or went away) without asking the server to exit.
  reader.onClose(() => process.exit(shutdown ? 0 : 1));
  return connection;
}
