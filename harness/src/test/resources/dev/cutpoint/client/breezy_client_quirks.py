"""Two facts about Breezy's own client (_SmartClientRequest) that the Java client departs from.

Run with /usr/bin/python3; prints one line per fact, read by BreezyClientQuirksTest.

1. Resends are limited per phase, not per call: a put whose write fails is resent (_send), and if
   the resend then fails on read it is resent again (_call): three sends of one request.
2. The read-phase resend covers only the response tuple: a get response cut inside its body
   surfaces from read_body_bytes as ConnectionReset, never resent.
"""
import socket
import threading

from breezy.bzr.smart import client, medium

MARKER = b'bzr message 3 (bzr 1.6)\n'
EMPTY_HEADERS = b'\x00\x00\x00\x02de'


def request_length(args, body=None):
    length = len(MARKER) + len(EMPTY_HEADERS) + 5 + len(args) + 1
    if body is not None:
        length += 5 + len(body)
    return length


def serve(behaviours, accepted):
    """Connection i follows behaviours[i]: ('close-after', k) reads k bytes then closes;
    ('reply', k, data) reads k bytes, sends data, closes."""
    listener = socket.socket()
    # a small fixed window, so an 8 MiB request cannot vanish into buffers before the cut
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
    listener.bind(('127.0.0.1', 0))
    listener.listen(5)

    def run():
        with listener:
            for behaviour in behaviours:
                conn, _ = listener.accept()
                accepted.append(behaviour)
                with conn:
                    got = 0
                    while got < behaviour[1]:
                        data = conn.recv(min(65536, behaviour[1] - got))
                        if not data:
                            break
                        got += len(data)
                    if behaviour[0] == 'reply':
                        conn.sendall(behaviour[2])

    threading.Thread(target=run, daemon=True).start()
    return listener.getsockname()[1]


def smart_client(port):
    m = medium.SmartTCPClientMedium('127.0.0.1', port, 'bzr://127.0.0.1:%d/' % port)
    m._protocol_version = 3
    return client._SmartClient(m, headers={})


def three_sends():
    body = b'x' * (8 << 20)
    n = request_length(b'l3:put1:f0:e', body)
    accepted = []
    port = serve([('close-after', 1000), ('close-after', n), ('close-after', n)], accepted)
    try:
        smart_client(port).call_with_body_bytes(b'put', (b'f', b''), body)
        outcome = 'success'
    except Exception as e:
        outcome = type(e).__name__
    print('put connections=%d outcome=%s' % (len(accepted), outcome))


def body_cut_not_resent():
    response = (MARKER + b'\x00\x00\x00\x02de' + b'oS' + b's\x00\x00\x00\x06l2:oke'
                + b'b\x00\x00\x00\x0bhello world' + b'e')
    cut = response[:response.index(b'b\x00\x00\x00\x0b') + 3]
    n = request_length(b'l3:get1:fe')
    accepted = []
    port = serve([('reply', n, cut), ('reply', n, response)], accepted)
    try:
        args, handler = smart_client(port).call_expecting_body(b'get', b'f')
        handler.read_body_bytes()
        outcome = 'success'
    except Exception as e:
        outcome = type(e).__name__
    print('get connections=%d outcome=%s' % (len(accepted), outcome))


three_sends()
body_cut_not_resent()
