"""A second, minimal implementation of cutpoint's driver protocol, version 1
(docs/driver-protocol.md), for the tests: bzr v3 on raw sockets, no Breezy.

It honours the gate and reports every attempt truthfully, but its resend is
deliberately naive: every failed request is sent once more, whatever its verb,
wherever it failed. The matrix must catch that (I2 on a mutating verb cut in its
response). It ignores expire (optional) and noretry.
"""
import base64, json, os, socket, struct, sys, time

MARKER = b'bzr message 3 (bzr 1.6)\n'
HEADERS = {b'Software version': b'naive-1'}
# a client that misnames its headers in hello (the harness must refuse its bytes)
NAMED = {} if '--name-no-headers' in sys.argv else HEADERS


def benc(v):
    if isinstance(v, bytes):
        return b'%d:%s' % (len(v), v)
    if isinstance(v, int):
        return b'i%de' % v
    if isinstance(v, list):
        return b'l' + b''.join(map(benc, v)) + b'e'
    return b'd' + b''.join(benc(k) + benc(v[k]) for k in sorted(v)) + b'e'


def bdec(s, i=0):
    c = s[i:i + 1]
    if c == b'i':
        j = s.index(b'e', i)
        return int(s[i + 1:j]), j + 1
    if c == b'l':
        items, i = [], i + 1
        while s[i:i + 1] != b'e':
            item, i = bdec(s, i)
            items.append(item)
        return items, i + 1
    j = s.index(b':', i)
    n = int(s[i:j])
    return s[j + 1:j + 1 + n], j + 1 + n


def part(kind, data):
    return kind + struct.pack('>I', len(data)) + data


def text(b):
    return b.decode('latin-1') if isinstance(b, bytes) else str(b)


def send(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


def receive():
    while True:
        line = sys.stdin.readline()
        if not line:
            sys.exit(0)  # end of input
        message = json.loads(line)
        if message.get('op') != 'expire':  # expire is optional: skip it
            return message


class Client:
    def __init__(self):
        self.sock, self.connections, self.current, self.server = None, 0, None, None

    def close(self):
        was = self.sock is not None
        if was:
            self.sock.close()
        self.sock = None
        return was

    def read(self, n, attempt):
        data = b''
        while len(data) < n:
            got = self.sock.recv(n - len(data))
            if not got:
                attempt['endOfStream'] = True
                raise ConnectionResetError('Unexpected end of message')
            attempt['bytesRead'] += len(got)
            data += got
        return data

    def response(self, attempt):
        self.read(len(MARKER), attempt)
        self.read(struct.unpack('>I', self.read(4, attempt))[0], attempt)  # headers
        status, args, body = None, [], None
        while True:
            kind = self.read(1, attempt)
            if kind == b'e':
                return status, args, body
            if kind == b'o':
                status = self.read(1, attempt)
                continue
            data = self.read(struct.unpack('>I', self.read(4, attempt))[0], attempt)
            if kind == b's':
                args = bdec(data)[0]
            else:
                body = (body or b'') + data

    def call(self, c):
        args = [c['verb'].encode('latin-1')] + [a.encode('latin-1') for a in c.get('args', [])]
        chunks = [base64.b64decode(x) for x in
                  ([c['body']] if 'body' in c else c.get('stream', []))]
        headers = benc(HEADERS)
        message = (MARKER + struct.pack('>I', len(headers)) + headers + part(b's', benc(args))
                   + b''.join(part(b'b', x) for x in chunks) + b'e')
        attempts, started, safety_net = [], time.monotonic(), False
        for number in (1, 2):  # the naive resend: once more, whatever failed
            attempt = {'attempt': number, 'connection': None, 'newConnection': False,
                       'bytesWritten': 0, 'writeCompleted': False, 'bytesRead': 0,
                       'endOfStream': False, 'streamChunksSent': 0,
                       'bodyStreamStarted': None, 'error': None}
            attempts.append(attempt)
            site = 'connect'
            try:
                if self.sock is None:
                    self.connections += 1
                    send({'event': 'connect', 'id': c['id'], 'attempt': number,
                          'connection': self.connections})
                    if receive().get('go') is not True:
                        raise SystemExit('expected {"go":true}')
                    self.sock = socket.create_connection(self.server[:2])
                    self.sock.settimeout(self.server[2])
                    attempt['newConnection'] = True
                    self.current = self.connections
                attempt['connection'] = self.current
                site = 'write'
                while attempt['bytesWritten'] < len(message):
                    attempt['bytesWritten'] += self.sock.send(message[attempt['bytesWritten']:])
                attempt['writeCompleted'] = True
                site = 'read'
                status, result, body = self.response(attempt)
                kind = 'response' if status == b'S' else 'serverError'
                outcome = {'kind': kind, 'args': [text(a) for a in result]}
                if kind == 'response':
                    keep = c['method'].endswith('expecting_body') and body is not None
                    outcome['body'] = base64.b64encode(body).decode() if keep else None
                break
            except OSError as e:
                self.close()
                safety_net = safety_net or isinstance(e, socket.timeout)
                kind = {'connect': 'ConnectionError', 'write': 'ConnectionReset',
                        'read': 'ConnectionReset'}[site]
                if isinstance(e, socket.timeout):
                    kind = 'TimeoutError'
                message_text = {'write': 'Error trying to write to socket: %s' % e,
                                'read': 'Unexpected end of message: %s' % e}.get(site, str(e))
                error = {'type': kind, 'module': 'naive', 'message': message_text}
                attempt['error'] = dict(site=site, **error)
                outcome = dict(kind='exception', **error)
        return {'reply': 'result', 'id': c['id'], 'outcome': outcome, 'attempts': attempts,
                'warnings': [], 'expired': False, 'safetyNet': safety_net,
                'elapsedMs': (time.monotonic() - started) * 1000.0}


def main():
    client = Client()
    while True:
        c = receive()
        op = c.get('op')
        if op == 'hello':
            send({'reply': 'hello', 'protocol': 1, 'client': 'naive/1', 'pid': os.getpid(),
                  'headers': {text(k): text(v) for k, v in NAMED.items()}})
        elif op == 'open':
            client.close()
            client.server = (c['host'], c['port'], c['readTimeout'])
            send({'reply': 'opened'})
        elif op == 'call':
            send(client.call(c))
        elif op == 'disconnect':
            send({'reply': 'disconnected', 'wasConnected': client.close()})
        else:
            send({'reply': 'error', 'type': 'BadCommand', 'message': 'unknown op %r' % op})


if __name__ == '__main__':
    main()
