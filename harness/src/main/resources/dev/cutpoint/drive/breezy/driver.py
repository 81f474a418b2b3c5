"""cutpoint's driver for Breezy's real smart-protocol client.

The reference implementation of cutpoint's driver protocol, version 1, which
docs/driver-protocol.md defines for any client (`--client-command`): JSON lines
over stdin/stdout, the connection gate, the attempts, expire. This header only
adds what is Breezy's; where the two differ, the document is right and this
driver is wrong.

One long-lived process per batch (`/usr/bin/python3 -I -u driver.py`; with a
Breezy of the user's choosing, `--breezy PATH`, a bootstrap on the command line
puts PATH first on sys.path and then runs this file), driven by
cutpoint's Java side through JSON lines: one JSON object per line on stdin, one
per line on stdout. Nothing else is ever written to stdout (anything printed by
accident goes to stderr). The requests are sent by Breezy's own client code,
unchanged: `breezy.bzr.smart.client._SmartClient` over
`breezy.bzr.smart.medium.SmartTCPClientMedium`, with `_SmartClientRequest`'s
resend logic. The driver only observes, by subclassing: the medium (connects,
bytes, end of stream) and the request (`_send_no_retry`: one attempt each).

Byte strings (verb arguments, response arguments) travel as JSON text in which
every character is one byte (ISO-8859-1); bodies and stream chunks as base64.

Commands (Java -> driver):
  {"op":"hello"}
      -> {"reply":"hello","protocol":1,"client":"breezy/3.3.2",
          "headers":{"Software version":"3.3.2"},"pid":123,
          "breezy":"3.3.2","python":"3.11.2"}
      headers: what _SmartClient puts in every request (client.py:40-42),
      taken from Breezy itself; the harness encodes each request with them.
  {"op":"open","host":"127.0.0.1","port":4155,"readTimeout":30.0,"noretry":false}
      A fresh medium and client (the old medium is disconnected). readTimeout
      (seconds) bounds every wait of a send or receive (set on the socket once
      it is connected; connects stay blocking, as Breezy's are): Breezy sets no
      timeout of its own, so without it a black-holed call would hang forever.
      The harness ends a black-holed call itself ("expire", below); this
      timeout is the safety net for when it does not.
      noretry sets Breezy's -Dnoretry debug flag (breezy.debug.debug_flags).
      Also how to recover: Breezy resets its medium only on a ConnectionReset
      inside its resend window (client.py:193, 277); after any other failure
      (a timeout, a cut after the response arguments) every later call on that
      medium raises TooManyConcurrentRequests without sending a byte.
      -> {"reply":"opened"}
  {"op":"call","id":7,"method":"call","verb":"get","args":["a"],
   "body":"<base64>","stream":["<base64>",...]}
      One call through one _SmartClient method ("method"):
        call                                 call_expecting_body, then cancel_read_body
                                             (exactly what _SmartClient.call does)
        call_expecting_body                  then read_body_bytes
        call_with_body_bytes                 needs "body"
        call_with_body_bytes_expecting_body  needs "body"; then read_body_bytes
        call_with_body_stream                needs "stream" (consumed lazily)
      While the call runs, every new connection is gated (below). Then
      -> {"reply":"result","id":7,"outcome":OUTCOME,"attempts":[ATTEMPT...],
          "warnings":["ConnectionReset reading response for b'get', retrying"],
          "expired":false,"safetyNet":false,"elapsedMs":12.5}
      OUTCOME is one of
        {"kind":"response","args":["ok"],"body":"<base64>"|null}
        {"kind":"serverError","args":["NoSuchFile","a"]}     (an oE response)
        {"kind":"exception","type":"ConnectionReset","module":"breezy.errors",
         "message":"..."}                                    (raised to the caller)
      ATTEMPT (one per _send_no_retry, i.e. per time the request was sent):
        {"attempt":1,"connection":3|null,"newConnection":true,
         "bytesWritten":120,"writeCompleted":true,"bytesRead":0,
         "endOfStream":true,"streamChunksSent":0,"bodyStreamStarted":null,
         "error":null|{"site":"connect"|"write"|"read","type":...,
                       "module":...,"message":...}}
      expired: an expire ended one of the call's waits. safetyNet: readTimeout
      ran out on a wait instead (the harness never expired it): the call ended
      as a black hole does, but on guessed time.
      bytesWritten/bytesRead count what the socket accepted/returned (Breezy's
      _report_activity); writeCompleted is true when the whole request was
      handed to the socket; endOfStream when a read returned b'' (Breezy maps
      ECONNRESET to b'' too, osutils.read_bytes_from_socket). "error" is the
      exception that ended the attempt and where it was seen.
  {"op":"disconnect"}
      medium.disconnect(), as RemoteTransport.disconnect does: the next call
      opens a new connection.
      -> {"reply":"disconnected","wasConnected":true}
  {"op":"expire","id":7}
      No reply. Sent by the harness, from any thread, while call 7 waits on a
      connection that it knows can no longer progress (a black hole). The
      send or receive that is waiting, or the next one of this call, raises
      what a socket timeout raises (TimeoutError('timed out')), so Breezy
      behaves and the attempt's error reads as they do after a real timeout.
      Without "id" it is for the call in progress. An expire of another call,
      or read between calls, or while a connect waits at the gate, is late
      (the wait it was meant for is over) and ignored.
  End of input (also in the middle of a call): the driver disconnects and
  exits with status 0.

The connection gate (SPEC 5.3), during a call, before each new connection:
  driver -> {"event":"connect","id":7,"attempt":2,"connection":4}
  Java   -> {"go":true}
  Only then does Breezy's _ensure_connection connect.

Any command the driver cannot carry out gets
  -> {"reply":"error","type":"BadCommand"|"BadGateReply"|"DriverFailure",
      "message":"..."}
and the driver reads the next command; it never hangs on bad input.
"""

import base64
import json
import logging
import os
import select
import socket
import sys
import time

# The protocol owns stdout; anything else that prints goes to stderr.
_protocol_out = sys.stdout
sys.stdout = sys.stderr

import breezy  # noqa: E402
from breezy import debug, errors  # noqa: E402
from breezy.bzr.smart import client, medium  # noqa: E402

PROTOCOL = 1  # docs/driver-protocol.md

METHODS = (
    'call',
    'call_expecting_body',
    'call_with_body_bytes',
    'call_with_body_bytes_expecting_body',
    'call_with_body_stream',
)


class EndOfInput(BaseException):
    """Java closed our stdin: time to go (a BaseException, so that no handler
    on the way out, Breezy's or ours, mistakes it for a call's failure)."""


class BadCommand(Exception):
    """A command line the driver cannot carry out."""

    kind = 'BadCommand'


class BadGateReply(BadCommand):
    """Java answered a connect event with something other than {"go":true}."""

    kind = 'BadGateReply'


class Channel:
    """JSON lines in on stdin, out on the real stdout.

    Stdin is read raw into the channel's own buffer, never through Python's
    buffered reader: a wait that selects on the fd must see every byte not yet
    parsed, and reading an expire must not consume the command behind it.
    """

    _CHUNK = 1 << 20

    def __init__(self, fd, stdout):
        self._fd = fd
        self._out = stdout
        self._buffer = bytearray()
        self._scanned = 0
        self.ended = False

    def fileno(self):
        return self._fd

    def send(self, message):
        line = json.dumps(message, separators=(',', ':')) + '\n'
        self._out.write(line.encode('ascii'))
        self._out.flush()

    def fill(self):
        """One read of what stdin has (blocks only when it has nothing)."""
        data = os.read(self._fd, self._CHUNK)
        if data:
            self._buffer += data
        else:
            self.ended = True

    def receive(self):
        while True:
            line = self._take_line()
            if line is not None:
                return _parse(line)
            if self.ended:
                raise EndOfInput()
            self.fill()

    def take_expire(self, call_id):
        """Whether an expire of call `call_id` is next: consumes the expires
        at the head of the input (one for another call is late); any other
        line stays where it is."""
        while True:
            end = self._line_end()
            if end < 0:
                return False
            message = _message(bytes(self._buffer[:end + 1]))
            if message is None or message.get('op') != 'expire':
                return False
            self._take_line()
            if message.get('id', call_id) == call_id:
                return True

    def _line_end(self):
        end = self._buffer.find(b'\n', self._scanned)
        # a long line arrives in many reads: scan each byte once
        self._scanned = len(self._buffer) if end < 0 else end
        return end

    def _take_line(self):
        end = self._line_end()
        if end < 0:
            if not self.ended or not self._buffer:
                return None
            end = len(self._buffer) - 1  # a last line without its newline
        line = bytes(self._buffer[:end + 1])
        del self._buffer[:end + 1]
        self._scanned = 0
        return line


def _parse(line):
    try:
        message = json.loads(line.decode('utf-8'))
    except ValueError as e:
        raise BadCommand('not a JSON line: %s' % e)
    if not isinstance(message, dict):
        raise BadCommand('not a JSON object: %r' % (message,))
    return message


def _message(line):
    """The line's JSON object, or None where receive() would refuse it."""
    try:
        return _parse(line)
    except BadCommand:
        return None


def _text(data):
    """A byte string as JSON text, one character per byte."""
    if isinstance(data, bytes):
        return data.decode('latin-1')
    return str(data)


def _bytes(text, what):
    if not isinstance(text, str):
        raise BadCommand('%s must be a string, got %r' % (what, text))
    try:
        return text.encode('latin-1')
    except UnicodeEncodeError:
        raise BadCommand('%s has a character above U+00FF: %r' % (what, text))


def _base64(text, what):
    if not isinstance(text, str):
        raise BadCommand('%s must be base64 text, got %r' % (what, text))
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as e:
        raise BadCommand('%s is not base64: %s' % (what, e))


def _exception(e):
    return {'type': type(e).__name__, 'module': type(e).__module__,
            'message': str(e)}


class Attempt:
    """What the driver saw of one sending of the request."""

    def __init__(self, number, connection):
        self.number = number
        self.connection = connection
        self.new_connection = False
        self.bytes_written = 0
        self.write_completed = False
        self.bytes_read = 0
        self.end_of_stream = False
        self.stream_chunks_sent = 0
        self.body_stream_started = None
        self.error = None

    def fail(self, site, e):
        # The first error seen ends the attempt; later ones are its echoes.
        if self.error is None:
            self.error = dict(site=site, **_exception(e))

    def to_json(self):
        return {
            'attempt': self.number,
            'connection': self.connection,
            'newConnection': self.new_connection,
            'bytesWritten': self.bytes_written,
            'writeCompleted': self.write_completed,
            'bytesRead': self.bytes_read,
            'endOfStream': self.end_of_stream,
            'streamChunksSent': self.stream_chunks_sent,
            'bodyStreamStarted': self.body_stream_started,
            'error': self.error,
        }


class CallRecorder:
    """The attempts of the call in progress."""

    def __init__(self):
        self.call_id = None
        self.attempts = []
        self.warnings = []
        self.expired = False
        self.safety_net = False

    def begin(self, call_id):
        self.call_id = call_id
        self.attempts = []
        self.warnings = []
        self.expired = False
        self.safety_net = False

    def start_attempt(self, connection):
        attempt = Attempt(len(self.attempts) + 1, connection)
        self.attempts.append(attempt)
        return attempt

    @property
    def current(self):
        return self.attempts[-1] if self.attempts else None


class WarningCapture(logging.Handler):
    """Breezy announces each resend with trace.warning: keep it as evidence."""

    def __init__(self, recorder):
        logging.Handler.__init__(self, logging.WARNING)
        self._recorder = recorder

    def emit(self, record):
        try:
            self._recorder.warnings.append(record.getMessage())
        except Exception:
            self.handleError(record)


class ExpirableSocket:
    """The medium's connected socket. Each send and receive first waits for
    the socket or for the harness's expire on stdin, whichever comes first;
    the socket's own timeout is the safety net. Everything else (close, ...)
    is the socket's."""

    def __init__(self, sock, timeout, channel, recorder):
        self._sock = sock
        self._timeout = timeout
        self._channel = channel
        self._recorder = recorder

    def __getattr__(self, name):
        return getattr(self._sock, name)

    def recv(self, *args):
        self._wait(reading=True)
        return self._sock.recv(*args)

    def send(self, *args):
        self._wait(reading=False)
        return self._sock.send(*args)

    def _wait(self, reading):
        deadline = time.monotonic() + self._timeout
        while True:
            if self._channel.take_expire(self._recorder.call_id):
                self._recorder.expired = True
                raise socket.timeout('timed out')
            if self._channel.ended:
                raise EndOfInput()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._recorder.safety_net = True
                raise socket.timeout('timed out')
            readable, writable, _ = select.select(
                [self._sock, self._channel] if reading else [self._channel],
                [] if reading else [self._sock], [], remaining)
            if self._sock in readable or self._sock in writable:
                return
            if self._channel in readable:
                self._channel.fill()


class GatedMedium(medium.SmartTCPClientMedium):
    """Breezy's TCP medium, watched: every connect is gated and numbered."""

    def __init__(self, host, port, timeout, gate, channel, recorder,
                 connection_ids):
        medium.SmartTCPClientMedium.__init__(
            self, host, port, 'bzr://%s:%d/' % (host, port))
        self._timeout = timeout
        self._gate = gate
        self._channel = channel
        self._recorder = recorder
        self._connection_ids = connection_ids
        self.connection = None

    def _ensure_connection(self):
        if self._connected:
            return
        connection = next(self._connection_ids)
        self._gate(connection)
        attempt = self._recorder.current
        try:
            medium.SmartTCPClientMedium._ensure_connection(self)
        except BaseException as e:
            if attempt is not None:
                attempt.fail('connect', e)
            raise
        # Breezy connects blocking and sets no timeout (medium.py:1137-1140);
        # the timeout goes on after the connect, so that the connect behaves as
        # Breezy's own (a reset right after the handshake is then seen on the
        # first send, not reported as a failed connect).
        self._socket.settimeout(self._timeout)
        self._socket = ExpirableSocket(
            self._socket, self._timeout, self._channel, self._recorder)
        self.connection = connection
        if attempt is not None:
            attempt.connection = connection
            attempt.new_connection = True

    def _report_activity(self, count, direction):
        attempt = self._recorder.current
        if attempt is not None:
            if direction == 'write':
                attempt.bytes_written += count
            elif direction == 'read':
                attempt.bytes_read += count
        medium.SmartTCPClientMedium._report_activity(self, count, direction)

    def _read_bytes(self, count):
        data = medium.SmartTCPClientMedium._read_bytes(self, count)
        if data == b'':
            attempt = self._recorder.current
            if attempt is not None:
                attempt.end_of_stream = True
        return data


class RecordedRequest(client._SmartClientRequest):
    """Breezy's request with its resend logic untouched; each send recorded."""

    def __init__(self, recorder, *args, **kwargs):
        client._SmartClientRequest.__init__(self, *args, **kwargs)
        self._recorder = recorder

    def _send_no_retry(self, encoder):
        the_medium = self.client._medium
        connection = the_medium.connection if the_medium._connected else None
        attempt = self._recorder.start_attempt(connection)
        try:
            client._SmartClientRequest._send_no_retry(self, encoder)
        except BaseException as e:
            attempt.fail('write', e)
            raise
        finally:
            attempt.body_stream_started = getattr(
                encoder, 'body_stream_started', None)
        attempt.write_completed = True

    def _construct_protocol(self, version):
        encoder, response_handler = client._SmartClientRequest._construct_protocol(
            self, version)
        read_response_tuple = response_handler.read_response_tuple
        recorder = self._recorder

        def recorded_read_response_tuple(expect_body=False):
            try:
                return read_response_tuple(expect_body=expect_body)
            except (errors.ErrorFromSmartServer, errors.UnknownSmartMethod):
                raise
            except BaseException as e:
                if recorder.current is not None:
                    recorder.current.fail('read', e)
                raise

        response_handler.read_response_tuple = recorded_read_response_tuple
        return encoder, response_handler


class RecordedClient(client._SmartClient):

    def __init__(self, the_medium, recorder):
        client._SmartClient.__init__(self, the_medium)
        self._recorder = recorder

    def _call_and_read_response(self, method, args, body=None, readv_body=None,
                                body_stream=None, expect_response_body=True):
        request = RecordedRequest(
            self._recorder, self, method, args, body=body,
            readv_body=readv_body, body_stream=body_stream,
            expect_response_body=expect_response_body)
        return request.call_and_read_response()


class Driver:

    def __init__(self, channel):
        self._channel = channel
        self._recorder = CallRecorder()
        self._connection_ids = iter(range(1, 2 ** 62))
        self._medium = None
        self._client = None
        logger = logging.getLogger('brz')
        logger.addHandler(WarningCapture(self._recorder))
        logger.propagate = False

    def serve(self):
        while True:
            try:
                command = self._channel.receive()
                if command.get('op') == 'expire':
                    continue  # late: the call it was meant for has ended
                reply = self._dispatch(command)
            except EndOfInput:
                break
            except BadCommand as e:
                reply = {'reply': 'error', 'type': e.kind, 'message': str(e)}
            except Exception as e:
                reply = {'reply': 'error', 'type': 'DriverFailure',
                         'message': '%s: %s' % (type(e).__name__, e)}
            self._channel.send(reply)
        if self._medium is not None:
            self._medium.disconnect()

    def _dispatch(self, command):
        op = command.get('op')
        if op == 'hello':
            return {'reply': 'hello', 'protocol': PROTOCOL,
                    'client': 'breezy/' + breezy.__version__,
                    'headers': {_text(k): _text(v) for k, v
                                in client._SmartClient(None)._headers.items()},
                    'pid': os.getpid(), 'breezy': breezy.__version__,
                    'python': '%d.%d.%d' % sys.version_info[:3]}
        if op == 'open':
            return self._open(command)
        if op == 'call':
            return self._call(command)
        if op == 'disconnect':
            was_connected = self._medium is not None and self._medium._connected
            if self._medium is not None:
                self._medium.disconnect()
            return {'reply': 'disconnected', 'wasConnected': was_connected}
        raise BadCommand('unknown op %r' % (op,))

    def _open(self, command):
        host = command.get('host')
        port = command.get('port')
        timeout = command.get('readTimeout')
        noretry = command.get('noretry', False)
        if not isinstance(host, str):
            raise BadCommand('open needs "host", a string')
        if not isinstance(port, int) or not 0 < port < 65536:
            raise BadCommand('open needs "port", 1..65535, got %r' % (port,))
        if not isinstance(timeout, (int, float)) or timeout <= 0:
            raise BadCommand('open needs "readTimeout" > 0 seconds, got %r'
                             % (timeout,))
        if not isinstance(noretry, bool):
            raise BadCommand('"noretry" must be true or false')
        if self._medium is not None:
            self._medium.disconnect()
        if noretry:
            debug.debug_flags.add('noretry')
        else:
            debug.debug_flags.discard('noretry')
        self._medium = GatedMedium(host, port, float(timeout), self._gate,
                                   self._channel, self._recorder,
                                   self._connection_ids)
        self._client = RecordedClient(self._medium, self._recorder)
        return {'reply': 'opened'}

    def _gate(self, connection):
        attempt = self._recorder.current
        self._channel.send({
            'event': 'connect', 'id': self._recorder.call_id,
            'attempt': attempt.number if attempt is not None else None,
            'connection': connection})
        reply = self._channel.receive()
        while reply.get('op') == 'expire':
            # late: the wait it was meant for ended before this connect
            reply = self._channel.receive()
        if reply.get('go') is not True:
            raise BadGateReply('expected {"go":true}, got %r' % (reply,))

    def _call(self, command):
        if self._client is None:
            raise BadCommand('call before open')
        call_id = command.get('id')
        method = command.get('method')
        verb = _bytes(command.get('verb'), 'verb')
        args = command.get('args', [])
        if not isinstance(call_id, int):
            raise BadCommand('call needs "id", an integer')
        if method not in METHODS:
            raise BadCommand('unknown method %r, expected one of %s'
                             % (method, ', '.join(METHODS)))
        if not isinstance(args, list):
            raise BadCommand('"args" must be a list')
        args = tuple(_bytes(a, 'args[%d]' % i) for i, a in enumerate(args))
        body = command.get('body')
        stream = command.get('stream')
        if method.startswith('call_with_body_bytes'):
            body = _base64(body, 'body')
        elif body is not None:
            raise BadCommand('method %s takes no "body"' % method)
        if method == 'call_with_body_stream':
            if not isinstance(stream, list):
                raise BadCommand('call_with_body_stream needs "stream", a list')
            stream = [_base64(c, 'stream[%d]' % i) for i, c in enumerate(stream)]
        elif stream is not None:
            raise BadCommand('method %s takes no "stream"' % method)

        self._recorder.begin(call_id)
        started = time.monotonic()
        try:
            outcome = self._run(method, verb, args, body, stream)
        except BadCommand:
            raise
        except errors.ErrorFromSmartServer as e:
            outcome = {'kind': 'serverError',
                       'args': [_text(a) for a in e.error_tuple]}
        except errors.UnknownSmartMethod as e:
            outcome = {'kind': 'serverError',
                       'args': ['UnknownMethod', _text(e.verb)]}
        except Exception as e:
            outcome = dict(kind='exception', **_exception(e))
        return {
            'reply': 'result', 'id': call_id, 'outcome': outcome,
            'attempts': [a.to_json() for a in self._recorder.attempts],
            'warnings': list(self._recorder.warnings),
            'expired': self._recorder.expired,
            'safetyNet': self._recorder.safety_net,
            'elapsedMs': round((time.monotonic() - started) * 1000.0, 3),
        }

    def _run(self, method, verb, args, body, stream):
        the_client = self._client
        if method == 'call':
            result, handler = the_client.call_expecting_body(verb, *args)
            self._finish_reading(handler.cancel_read_body)
            return _response(result, None)
        if method == 'call_expecting_body':
            result, handler = the_client.call_expecting_body(verb, *args)
            return _response(result, self._finish_reading(handler.read_body_bytes))
        if method == 'call_with_body_bytes':
            result = the_client.call_with_body_bytes(verb, args, body)
            return _response(result, None)
        if method == 'call_with_body_bytes_expecting_body':
            result, handler = the_client.call_with_body_bytes_expecting_body(
                verb, args, body)
            return _response(result, self._finish_reading(handler.read_body_bytes))
        result, handler = the_client.call_with_body_stream(
            (verb,) + args, self._counted(stream))
        return _response(result, None)

    def _finish_reading(self, read):
        """Reading the rest of a response, outside Breezy's resend window."""
        try:
            return read()
        except (errors.ErrorFromSmartServer, errors.UnknownSmartMethod):
            raise
        except BaseException as e:
            if self._recorder.current is not None:
                self._recorder.current.fail('read', e)
            raise

    def _counted(self, chunks):
        for chunk in chunks:
            attempt = self._recorder.current
            if attempt is not None:
                attempt.stream_chunks_sent += 1
            yield chunk


def _response(result, body):
    return {'kind': 'response', 'args': [_text(a) for a in result],
            'body': None if body is None else base64.b64encode(body).decode('ascii')}


def main():
    channel = Channel(sys.stdin.fileno(), _protocol_out.buffer)
    try:
        Driver(channel).serve()
    except BrokenPipeError:
        # Java went away while we were answering: nobody left to tell.
        os._exit(0)


if __name__ == '__main__':
    main()
