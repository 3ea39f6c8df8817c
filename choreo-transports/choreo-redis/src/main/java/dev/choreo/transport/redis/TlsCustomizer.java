package dev.choreo.transport.redis;

import java.time.Duration;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;

/**
 * Makes Lettuce's TLS connections use the {@link SSLContext} built from Choreo's
 * {@link dev.choreo.auth.Tls} settings. Lettuce's TLS options only take files and
 * factories, not a ready-made context, so once Lettuce has set up a channel this replaces
 * its {@link SslHandler} with one whose engine comes from that context, verifying the
 * server's certificate against the host name (or the one the settings name).
 */
final class TlsCustomizer implements NettyCustomizer {

	private final SSLContext sslContext;

	private final String peerHost;

	private final int port;

	private final Duration handshakeTimeout;

	TlsCustomizer(SSLContext sslContext, String peerHost, int port, Duration handshakeTimeout) {
		this.sslContext = sslContext;
		this.peerHost = peerHost;
		this.port = port;
		this.handshakeTimeout = handshakeTimeout;
	}

	@Override
	public void afterChannelInitialized(Channel channel) {
		if (channel.pipeline().get(SslHandler.class) == null) {
			return;
		}
		SslHandler handler = new SslHandler(engine());
		handler.setHandshakeTimeoutMillis(this.handshakeTimeout.toMillis());
		channel.pipeline().replace(SslHandler.class, "choreo-tls", handler);
	}

	SSLEngine engine() {
		SSLEngine engine = this.sslContext.createSSLEngine(this.peerHost, this.port);
		engine.setUseClientMode(true);
		SSLParameters parameters = engine.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (isHostName(this.peerHost)) {
			parameters.setServerNames(List.of(new SNIHostName(this.peerHost)));
		}
		engine.setSSLParameters(parameters);
		return engine;
	}

	private static boolean isHostName(String host) {
		return !host.contains(":") && !host.matches("[0-9.]+");
	}

}
