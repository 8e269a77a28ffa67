package dev.faro.bench.load;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection of the load generator, used by one worker thread at a time: it writes a
 * prepared {@link LoadRequest}, reads the status and headers, and skips the body (by length, chunked, or to the end
 * of the connection). The JDK's {@code HttpClient} cost the load generator 0.36–0.40 ms of CPU per request, several
 * times what lead-service spent answering it, so the generator, not the server, set the visits' ceilings; this
 * does the same exchange with a socket and a buffer.
 *
 * <p>A connection the server closed while it sat idle shows only when it is used: a request that finds it so (the
 * write fails, or the connection ends before any byte of an answer) is sent once more on a new connection, as
 * browsers do; the server normally never saw the first copy. Any other failure closes the connection and is the
 * caller's, and a connection {@linkplain #abort() aborted} by the run sends nothing more.
 */
final class Http11Connection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_LINE = 8_192;

    /** Volatile: the run closes a connection its stuck worker is blocked on, from another thread. */
    private volatile Socket socket;

    private String authority;
    private InputStream in;
    private OutputStream out;
    /** Whether any byte of the current answer has arrived: after that, a failure is not a stale connection's. */
    private boolean answerStarted;
    /** Set by {@link #abort()}: the failure it causes must not look like a stale connection worth a retry. */
    private volatile boolean aborted;

    /** Sends the request and returns the answer's status code once its body has been read. */
    int exchange(LoadRequest request) throws IOException {
        boolean reused = connectTo(request);
        try {
            return send(request);
        } catch (SocketTimeoutException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            if (!reused || answerStarted || aborted) {
                throw e;
            }
        }
        connectTo(request);
        try {
            return send(request);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Connects unless already connected to the request's server; true when the connection was already open. */
    private boolean connectTo(LoadRequest request) throws IOException {
        if (aborted) {
            throw new IOException("the connection was aborted");
        }
        if (socket != null && request.authority().equals(authority)) {
            return true;
        }
        close();
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.connect(new InetSocketAddress(request.host(), request.port()), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        socket = opened;
        authority = request.authority();
        in = new BufferedInputStream(opened.getInputStream(), 8_192);
        out = opened.getOutputStream();
        return false;
    }

    private int send(LoadRequest request) throws IOException {
        answerStarted = false;
        socket.setSoTimeout(Math.toIntExact(Math.max(1, request.timeout().toMillis())));
        out.write(request.message());
        out.flush();
        String statusLine = readLine();
        int status = statusOf(statusLine);
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new ProtocolException("malformed header line: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> {
                    // not needed to find the end of the answer
                }
            }
        }
        if (status / 100 == 1 || status == 204 || status == 304) {
            // no body
        } else if (chunked) {
            skipChunks();
        } else if (length >= 0) {
            skip(length);
        } else {
            while (in.read() != -1) {
                // the body runs to the end of the connection
            }
            close = true;
        }
        if (close) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(size);
            readLine(); // the CRLF after the chunk's data
        }
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped > 0) {
                left -= skipped;
            } else if (in.read() == -1) {
                throw new EOFException("the connection ended " + left + " bytes before the end of the body");
            } else {
                left--;
            }
        }
    }

    /** A line without its CRLF, in ISO-8859-1 (status line, header, chunk size). */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int next = in.read();
            if (next == -1) {
                throw new EOFException(
                        answerStarted
                                ? "the connection ended within an answer"
                                : "the connection ended before an answer");
            }
            answerStarted = true;
            if (next == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new ProtocolException("a line of the answer is longer than " + MAX_LINE + " bytes");
            }
            line.append((char) next);
        }
    }

    private static int statusOf(String statusLine) throws ProtocolException {
        // HTTP/1.1 202 Accepted
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
        }
        try {
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new ProtocolException("no status code in: " + statusLine);
        }
    }

    /**
     * Ends the connection for good, from another thread: a worker blocked reading it gets an exception, and neither
     * retries nor connects again.
     */
    void abort() {
        aborted = true;
        close();
    }

    /** Closes the socket; the next request connects again. */
    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        authority = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
