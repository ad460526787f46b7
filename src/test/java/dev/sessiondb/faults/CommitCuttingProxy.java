package dev.sessiondb.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A TCP proxy to a PostgreSQL server that passes everything but, once, the COMMIT of a write (a connection that COPYed rows
 * FROM STDIN or inserted them), which it meets as {@link Cut} says: the client's side of that connection is cut, as a network failure would,
 * at a point known exactly, so that the tests wait on what the server and the job did, never on time.
 */
final class CommitCuttingProxy implements AutoCloseable {

    enum Cut {
        /** The COMMIT reaches the server, which commits; its reply is dropped and both sides are cut. */
        REPLY,
        /** The COMMIT is dropped and both sides are cut: the server never sees it and rolls the transaction back. */
        COMMIT,
        /** The client's side is cut with the COMMIT held; it goes on to the server once another connection asks a transaction's status. */
        COMMIT_UNTIL_ASKED,
        /** The client's side is cut with the COMMIT held and the server's side left open, until {@link #dropHeld()}. */
        COMMIT_HELD
    }

    /** What a write sends and a read never does: rows COPYed or inserted. */
    private static final List<byte[]> WRITES = Stream.of("FROM STDIN", "INSERT INTO").map(text -> text.getBytes(StandardCharsets.US_ASCII)).toList();
    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern NAMED_COMMIT = Pattern.compile("P[\\s\\S]{4}(S_[0-9]+)\0COMMIT\0");
    private static final byte[] STATUS_ASKED = "txid_status".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listening;
    private final String host;
    private final int port;
    private final Cut cut;
    private final AtomicBoolean fired = new AtomicBoolean();
    /** The held COMMIT and the server's side it is for, once cut. */
    private volatile byte[] heldCommit;
    private volatile Socket heldServer;
    /** The server's side whose next reply (the COMMIT's) is dropped, both sides then cut. */
    private volatile Socket replyDropped;

    CommitCuttingProxy(String host, int port, Cut cut) throws IOException {
        this.host = host;
        this.port = port;
        this.cut = cut;
        this.listening = new ServerSocket(0);
        Thread accepting = new Thread(this::accept, "commit-cutting-proxy");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    /** Whether the write's COMMIT was met. */
    boolean fired() {
        return fired.get();
    }

    /** Cuts the server's side of a held COMMIT without sending it: the server rolls the transaction back. */
    void dropHeld() throws IOException {
        heldServer.close();
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket(host, port);
                start(() -> fromClient(client, server));
                start(() -> fromServer(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "commit-cutting-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes nothing it should keep: a held COMMIT's server side stays open, a dropped reply's sides are cut by {@link #fromServer}. */
    private void fromClient(Socket client, Socket server) {
        boolean writing = false;
        byte[] namedCommit = null;
        try {
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                byte[] chunk = Arrays.copyOf(buffer, read);
                writing |= WRITES.stream().anyMatch(write -> contains(chunk, write));
                if (cut == Cut.COMMIT_UNTIL_ASKED && contains(chunk, STATUS_ASKED)) {
                    sendHeld();
                }
                namedCommit = namedCommit != null ? namedCommit : namedCommit(chunk);
                boolean commits = contains(chunk, COMMIT) || namedCommit != null && contains(chunk, namedCommit);
                if (writing && commits && fired.compareAndSet(false, true)) {
                    meet(chunk, client, server, out);
                    return;
                }
                out.write(chunk);
                out.flush();
            }
        } catch (IOException ended) {
            // either side went; the other pump ends too
        }
        closeUnlessHeld(client, server);
    }

    private void meet(byte[] commit, Socket client, Socket server, OutputStream out) throws IOException {
        switch (cut) {
            case REPLY -> {
                replyDropped = server;
                out.write(commit);
                out.flush();
            }
            case COMMIT -> {
                client.close();
                server.close();
            }
            case COMMIT_UNTIL_ASKED, COMMIT_HELD -> {
                heldServer = server;
                heldCommit = commit;
                client.close();
            }
        }
    }

    private synchronized void sendHeld() throws IOException {
        if (heldCommit != null) {
            heldServer.getOutputStream().write(heldCommit);
            heldServer.getOutputStream().flush();
            heldCommit = null;
        }
    }

    private void fromServer(Socket server, Socket client) {
        try {
            InputStream in = server.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] buffer = new byte[65536];
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (replyDropped == server) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // either side went; the other pump ends too
        }
        closeUnlessHeld(client, server);
    }

    private void closeUnlessHeld(Socket client, Socket server) {
        quietly(client);
        if (server != heldServer) {
            quietly(server);
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing what already ended
        }
    }

    /**
     * The name, between its zero bytes, the JDBC driver gave COMMIT when it made it a prepared statement of the server (a Parse
     * message: its name, then its text): from then on it sends only a Bind naming it.
     */
    private static byte[] namedCommit(byte[] chunk) {
        String text = new String(chunk, StandardCharsets.ISO_8859_1);
        Matcher parse = NAMED_COMMIT.matcher(text);
        return parse.find() ? ("\0" + parse.group(1) + "\0").getBytes(StandardCharsets.ISO_8859_1) : null;
    }

    private static boolean contains(byte[] chunk, byte[] wanted) {
        outer:
        for (int i = 0; i + wanted.length <= chunk.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (chunk[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            listening.close();
            if (heldServer != null) {
                heldServer.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
