package io.autoscalebot.plugin.rabbitmq;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A consumer that takes messages and never acknowledges them, over RabbitMQ's STOMP plugin: STOMP is a few lines of
 * text, so tests get consumers and unacknowledged messages without an AMQP client. Closing it hands its messages
 * back to the queue.
 */
final class StompConsumer implements AutoCloseable {

    private final Socket socket;

    private StompConsumer(Socket socket) {
        this.socket = socket;
    }

    /**
     * Connects, subscribes to an existing queue with client acknowledgements, and takes up to {@code prefetch}
     * messages, which stay unacknowledged.
     *
     * @param port the broker's STOMP port
     * @param vhost the queue's vhost
     * @param queue the queue
     * @param prefetch how many messages RabbitMQ hands this consumer before waiting for acknowledgements
     * @return the connected consumer
     */
    static StompConsumer subscribe(int port, String vhost, String queue, int prefetch) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            socket.setSoTimeout(30_000);
            send(socket, "CONNECT\naccept-version:1.2\nhost:" + vhost + "\nlogin:" + RabbitMqBroker.ADMIN
                    + "\npasscode:" + RabbitMqBroker.ADMIN + "\n\n");
            String answer = readFrame(socket.getInputStream());
            if (!answer.startsWith("CONNECTED")) {
                throw new IOException("STOMP CONNECT to vhost '" + vhost + "' answered: " + answer);
            }
            send(socket, "SUBSCRIBE\nid:0\ndestination:/amq/queue/" + queue + "\nack:client-individual\n"
                    + "prefetch-count:" + prefetch + "\n\n");
            return new StompConsumer(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void send(Socket socket, String frame) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        out.flush();
    }

    /** Reads up to the NUL that ends a STOMP frame. */
    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException("the broker closed the STOMP connection after: " + frame);
            }
            if (frame.size() > 0 || b != '\n') { // heart-beat newlines between frames
                frame.write(b);
            }
        }
        return frame.toString(StandardCharsets.UTF_8);
    }
}
