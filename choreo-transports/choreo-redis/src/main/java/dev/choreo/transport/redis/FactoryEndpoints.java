package dev.choreo.transport.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.RedisSentinelConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Reads the servers an application's connection factory connects to, as
 * {@code host:port}, without connecting.
 */
final class FactoryEndpoints {

	private FactoryEndpoints() {
	}

	/**
	 * Return the servers of a Lettuce factory: the standalone server, or each node of a
	 * cluster or Sentinel configuration.
	 * @param factory the factory
	 * @return the servers, empty for any other factory or a Unix socket
	 */
	static List<String> of(RedisConnectionFactory factory) {
		List<String> endpoints = new ArrayList<>();
		if (factory instanceof LettuceConnectionFactory lettuce) {
			RedisClusterConfiguration cluster = lettuce.getClusterConfiguration();
			RedisSentinelConfiguration sentinel = lettuce.getSentinelConfiguration();
			if (cluster != null) {
				cluster.getClusterNodes().forEach((node) -> endpoints.add(hostPort(node)));
			}
			else if (sentinel != null) {
				sentinel.getSentinels().forEach((node) -> endpoints.add(hostPort(node)));
			}
			else if (lettuce.getSocketConfiguration() == null) {
				endpoints.add(hostPort(lettuce.getHostName(), lettuce.getPort()));
			}
		}
		return endpoints;
	}

	private static String hostPort(RedisNode node) {
		return hostPort(Objects.requireNonNullElse(node.getHost(), ""), Objects.requireNonNullElse(node.getPort(), 0));
	}

	static String hostPort(String host, int port) {
		return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
	}

}
