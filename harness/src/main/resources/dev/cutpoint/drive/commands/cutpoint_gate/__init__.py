"""cutpoint's gate inside a real brz command (a Breezy plugin on BRZ_PLUGIN_PATH).

Inert unless CUTPOINT_GATE=host:port names the harness. Then it holds the
command before every smart-protocol call and before every new connection, and
tells the harness what each call did, so that the harness can cut the
connection at request r of a process it does not drive call by call (the way
the driver's GatedMedium does for single calls). Breezy's resend logic is not
touched: the plugin only observes (Breezy's own 'call' hook, client.py:306-311,
and wrappers around the TCP medium's connect, read and byte accounting).

JSON lines over one TCP connection to the harness:
  plugin -> {"event":"call","call":r,"verb":"Branch.lock_write","live":c|null,"previous":DONE|null}
  harness-> {"go":true,"disconnect":false}   (disconnect: drop the idle connection first,
                                              so that call r opens a fresh one)
  plugin -> {"event":"connect","call":r,"connection":c}
  harness-> {"go":true}
  plugin -> {"event":"written","call":r,"attempt":a,"bytes":W}  (attempt a has written
                                              its whole request, W bytes; no reply)
  plugin -> {"event":"exit","previous":DONE|null}  (at exit; no reply)
DONE = {"call":r,"verb":...,"written":W,"read":R,"attempts":[ATTEMPT...]}: the
bytes written and read from call r's start to call r+1's (its response body
included); ATTEMPT = {"attempt":1,"connection":c,"newConnection":bool,
"bytesWritten":..,"writeCompleted":bool,"bytesRead":..,"error":null|
{"site":"connect"|"write"|"read","type":...,"message":...}}.
"""

import itertools
import json
import os
import signal
import socket
import sys

from breezy.bzr.smart import client, medium


class _Gate:

    def __init__(self, address):
        host, port = address.rsplit(':', 1)
        self._sock = socket.create_connection((host, int(port)))
        self._reader = self._sock.makefile('rb')
        self._calls = itertools.count()
        self._connections = itertools.count(1)
        self.call = None
        self.attempts = []

    def ask(self, message):
        self.send(message)
        line = self._reader.readline()
        if not line:
            raise SystemExit('cutpoint: the harness closed the gate')
        return json.loads(line.decode('utf-8'))

    def send(self, message):
        data = (json.dumps(message, separators=(',', ':')) + '\n').encode('utf-8')
        self._sock.sendall(data)

    def _previous(self):
        if self.call is None:
            return None
        done = dict(self.call)
        done['attempts'] = [dict(a) for a in self.attempts]
        return done

    def begin_call(self, params):
        previous = self._previous()
        number = next(self._calls)
        the_medium = params.medium
        live = getattr(the_medium, '_cutpoint_connection', None) \
            if getattr(the_medium, '_connected', False) else None
        self.call = {'call': number, 'verb': params.method.decode('latin-1'),
                     'written': 0, 'read': 0}
        self.attempts = []
        reply = self.ask({'event': 'call', 'call': number,
                          'verb': self.call['verb'], 'live': live,
                          'previous': previous})
        if reply.get('disconnect'):
            the_medium.disconnect()

    def connection(self):
        number = next(self._connections)
        self.ask({'event': 'connect',
                  'call': None if self.call is None else self.call['call'],
                  'connection': number})
        return number

    def start_attempt(self, the_medium):
        connected = getattr(the_medium, '_connected', False)
        attempt = {'attempt': len(self.attempts) + 1,
                   'connection': getattr(the_medium, '_cutpoint_connection', None)
                   if connected else None,
                   'newConnection': False, 'bytesWritten': 0,
                   'writeCompleted': False, 'bytesRead': 0, 'error': None}
        self.attempts.append(attempt)
        return attempt

    def written(self, attempt):
        if self.call is None:
            return  # a request no call hook announced: no cut can be on it
        self.send({'event': 'written', 'call': self.call['call'],
                   'attempt': attempt['attempt'],
                   'bytes': attempt['bytesWritten']})

    def current(self):
        return self.attempts[-1] if self.attempts else None

    def fail(self, site, error):
        attempt = self.current()
        if attempt is not None and attempt['error'] is None:
            attempt['error'] = {'site': site, 'type': type(error).__name__,
                                'message': str(error)}

    def exit(self):
        try:
            self.send({'event': 'exit', 'previous': self._previous()})
            self._sock.close()
        except OSError:
            pass  # the harness has gone: nobody left to tell


def _install(gate):
    tcp = medium.SmartTCPClientMedium
    ensure_connection = tcp._ensure_connection
    report_activity = tcp._report_activity
    read_bytes = tcp._read_bytes
    request_class = client._SmartClientRequest
    send_no_retry = request_class._send_no_retry

    def gated_ensure_connection(self):
        if self._connected:
            return
        number = gate.connection()
        try:
            ensure_connection(self)
        except BaseException as e:
            gate.fail('connect', e)
            raise
        self._cutpoint_connection = number
        attempt = gate.current()
        if attempt is not None and attempt['connection'] is None:
            attempt['connection'] = number
            attempt['newConnection'] = True

    def counted_report_activity(self, count, direction):
        key = 'written' if direction == 'write' else 'read'
        if gate.call is not None:
            gate.call[key] += count
        attempt = gate.current()
        if attempt is not None:
            attempt['bytesWritten' if key == 'written' else 'bytesRead'] += count
        return report_activity(self, count, direction)

    def watched_read_bytes(self, count):
        try:
            data = read_bytes(self, count)
        except BaseException as e:
            gate.fail('read', e)
            raise
        if data == b'':
            # a response never ends in the middle: the connection did
            gate.fail('read', ConnectionResetError('end of stream'))
        return data

    def recorded_send_no_retry(self, encoder):
        attempt = gate.start_attempt(self.client._medium)
        try:
            send_no_retry(self, encoder)
        except BaseException as e:
            gate.fail('write', e)
            raise
        attempt['writeCompleted'] = True
        # a real command's request differs by a few bytes from run to run (a
        # timestamp): the harness needs this one's length to know when a black
        # hole has swallowed all of it
        gate.written(attempt)

    tcp._ensure_connection = gated_ensure_connection
    tcp._report_activity = counted_report_activity
    tcp._read_bytes = watched_read_bytes
    request_class._send_no_retry = recorded_send_no_retry
    client._SmartClient.hooks.install_named_hook(
        'call', gate.begin_call, 'cutpoint gate')
    # The harness ends a hung command as a user at a terminal does, with
    # Ctrl-C; a process started in the background inherits SIGINT ignored
    # (and Python then leaves it so), which no user's terminal does.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # brz ends with os._exit (breezy/__main__.py:67-70): atexit never runs,
    # sys.exitfunc does
    sys.exitfunc = gate.exit


_address = os.environ.get('CUTPOINT_GATE')
if _address:
    _install(_Gate(_address))
