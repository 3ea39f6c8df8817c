package dev.choreo.test.autoconfigure;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChoreoTypeExcludeFilter}: it decides from class files, never loading
 * the classes it judges.
 */
class ChoreoTypeExcludeFilterTests {

	static final AtomicBoolean initialised = new AtomicBoolean();

	private final RecordingClassLoader classLoader = new RecordingClassLoader(getClass().getClassLoader());

	private final MetadataReaderFactory metadataReaderFactory = new SimpleMetadataReaderFactory(this.classLoader);

	@Test
	void includesComponentsWithAMessagingFieldOrConstructorParameterIncludingSubclasses() throws IOException {
		assertThat(includes(KafkaSender.class.getName())).isTrue();
		assertThat(includes(CustomRabbitSender.class.getName())).isTrue();
		assertThat(includes(InvoiceService.class.getName())).isFalse();
	}

	@Test
	void judgesAClassWithoutLoadingOrInitialisingIt() throws IOException {
		String name = ChoreoTypeExcludeFilterTests.class.getName() + "$ExplodingService";
		assertThat(includes(name)).isFalse();
		assertThat(this.classLoader.requested).doesNotContain(name);
		assertThat(initialised).isFalse();
	}

	private boolean includes(String className) throws IOException {
		ChoreoTypeExcludeFilter filter = new ChoreoTypeExcludeFilter(SliceTest.class);
		filter.setBeanClassLoader(this.classLoader);
		return !filter.match(this.metadataReaderFactory.getMetadataReader(className), this.metadataReaderFactory);
	}

	@ChoreoTest
	static class SliceTest {

	}

	@Component
	static class KafkaSender {

		private final KafkaTemplate<String, String> template;

		KafkaSender(KafkaTemplate<String, String> template) {
			this.template = template;
		}

	}

	static class OrderTemplate extends RabbitTemplate {

		OrderTemplate(ConnectionFactory connectionFactory) {
			super(connectionFactory);
		}

	}

	@Component
	static class CustomRabbitSender {

		private OrderTemplate template;

		CustomRabbitSender(OrderTemplate template) {
			this.template = template;
		}

	}

	@Service
	static class InvoiceService {

		private final String name = "invoices";

	}

	@Service
	static class ExplodingService {

		static {
			initialised.set(true);
			if (initialised.get()) {
				throw new IllegalStateException("the filter initialised a class it judges");
			}
		}

	}

	/**
	 * Records the names of the classes loaded through it.
	 */
	static final class RecordingClassLoader extends ClassLoader {

		final Set<String> requested = ConcurrentHashMap.newKeySet();

		RecordingClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.requested.add(name);
			return super.loadClass(name, resolve);
		}

	}

}
