package io.camelprogress.fuzz;

import java.io.IOException;

/** Sends one hostile case over a raw connection and records, in {@link Findings}, what the server did with it. */
final class CaseRunner {

    /** How long a whole request may wait for its answer; long-polls are held at most 1 s by the fuzzed servers. */
    private static final int ANSWER_MILLIS = 5_000;
    /** How long a server has to end a WebSocket it owes a close. */
    private static final int CLOSE_MILLIS = 2_000;
    /** How long a WebSocket that should stay open is watched. */
    private static final int WATCH_MILLIS = 300;

    private final int port;
    private final Findings findings;

    CaseRunner(int port, Findings findings) {
        this.port = port;
        this.findings = findings;
    }

    void http(String name, HostileHttp.Request request) throws IOException, InterruptedException {
        findings.ran();
        try (RawConnection connection = new RawConnection(port)) {
            try {
                if (request.kind() == HostileHttp.Kind.SLOW) {
                    connection.writeSlowly(request.bytes(), 5);
                } else {
                    connection.write(request.bytes());
                }
            } catch (IOException e) {
                // the server may close on the first bad byte, before the rest is written: it still owes no 5xx
            }
            if (request.kind() == HostileHttp.Kind.VANISH) {
                connection.abort();
                findings.answered("http vanished");
                return;
            }
            int wait = request.kind() == HostileHttp.Kind.OPEN_ENDED ? 300 : ANSWER_MILLIS;
            String status = connection.statusLine(wait);
            if (status == null) {
                findings.answered("http " + connection.lastOutcome().name().toLowerCase());
                if (connection.lastOutcome() == RawConnection.Outcome.TIMEOUT && request.kind() != HostileHttp.Kind.OPEN_ENDED) {
                    findings.broken("http.no-answer", name + ": " + request.shown());
                }
                return;
            }
            // Netty echoes a foreign version's name (HTTX/1.1) in the status line, and Vert.x answers 501 to it
            int code = statusCode(request.foreignVersion() ? status.replaceFirst("^[^ ]*/", "HTTP/") : status);
            findings.answered(code < 0 ? "http garbled" : "http " + code);
            if (request.foreignVersion() && (code == 501 || code == 505)) {
                return;
            }
            if (code < 0) {
                findings.broken("http.garbled-answer", name + ": '" + status + "' to " + request.shown());
            } else if (code >= 500) {
                findings.broken("http.5xx", name + ": '" + status + "' to " + request.shown());
            }
        }
    }

    void webSocket(String name, HostileWebSocket.Session session) throws IOException {
        findings.ran();
        try (RawConnection connection = new RawConnection(port)) {
            connection.write(session.handshake());
            String head = connection.headerBlock(ANSWER_MILLIS);
            String example = name + " [" + session.label() + "]";
            if (head == null) {
                findings.answered("ws handshake " + connection.lastOutcome().name().toLowerCase());
                if (session.expect() != HostileWebSocket.Expect.REFUSED_HANDSHAKE) {
                    findings.broken("ws.handshake-unanswered", example);
                }
                return;
            }
            int code = statusCode(head.lines().findFirst().orElse(""));
            findings.answered("ws handshake " + code);
            if (code >= 500 || code < 0) {
                findings.broken("ws.handshake-5xx", example + ": " + head.lines().findFirst().orElse(""));
                return;
            }
            if (session.expect() == HostileWebSocket.Expect.REFUSED_HANDSHAKE) {
                if (code == 101) {
                    findings.broken("ws.REFUSED_HANDSHAKE.got-101", example);
                }
                return;
            }
            if (code != 101) {
                findings.broken("ws.handshake-refused", example + ": " + head.lines().findFirst().orElse(""));
                return;
            }
            try {
                for (byte[] frame : session.frames()) {
                    connection.write(frame);
                }
            } catch (IOException e) {
                // closed by the server while the frames were going out: judged below by what it sent
            }
            if (session.vanish()) {
                connection.abort();
                findings.answered("ws vanished");
                return;
            }
            judge(connection, session, example);
        }
    }

    private void judge(RawConnection connection, HostileWebSocket.Session session, String example) throws IOException {
        HostileWebSocket.Expect expect = session.expect();
        boolean watchOnly = expect == HostileWebSocket.Expect.STAYS_OPEN || expect == HostileWebSocket.Expect.NOTHING;
        long deadline = System.currentTimeMillis() + (watchOnly ? WATCH_MILLIS : CLOSE_MILLIS);
        ServerFrames.Read read = ServerFrames.readUntilClose(connection, deadline);
        boolean ended = connection.lastOutcome() == RawConnection.Outcome.CLOSED;
        if (read.closeCode() >= 0) {
            try {
                // the closing handshake: the server ends the TCP connection once the client has answered its close
                connection.write(ServerFrames.CLIENT_CLOSE);
            } catch (IOException e) {
                // it did not wait for the answer
            }
            ended = connection.drainUntilClosed(System.currentTimeMillis() + CLOSE_MILLIS);
        }
        String outcome = read.closeCode() >= 0 ? "close-" + read.closeCode() + (ended ? "" : "-then-still-open")
                : ended ? "bare-tcp-close" : "still-open";
        findings.answered("ws " + outcome.replace('-', ' '));
        if (read.malformed() != null) {
            findings.broken("ws.server-frame-malformed", example + ": " + read.malformed());
        }
        String category = "ws." + expect.name() + "." + outcome;
        switch (expect) {
            case STAYS_OPEN -> {
                if (!outcome.equals("still-open")) {
                    findings.broken(category, example);
                }
            }
            case NOTHING -> {
                // any end is right for bytes that make no sense; what counts is that the server lets go (checked after the run)
            }
            case NORMAL_CLOSE -> {
                if (read.closeCode() < 1000 || read.closeCode() >= 5000 || !ended) {
                    findings.broken(category, example);
                }
            }
            default -> {
                if (read.closeCode() != expect.closeCode || !ended) {
                    findings.broken(category, example);
                }
            }
        }
    }

    private static int statusCode(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
