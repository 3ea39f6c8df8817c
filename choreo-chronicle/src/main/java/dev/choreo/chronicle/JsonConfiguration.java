package dev.choreo.chronicle;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link JsonMapper}: Boot's settings ({@code spring.jackson.*},
 * problem details) on a factory that writes {@code <}, {@code >}, {@code &} and {@code '}
 * as {@code \}{@code u} escapes, so no text from a report (echoed in an error, or in a
 * stored report) can ever read as markup, even if a page embeds the JSON.
 *
 * @author Choreo
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapper jsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		JsonFactory factory = JsonFactory.builder().characterEscapes(new HtmlSafeEscapes()).build();
		JsonMapper.Builder builder = JsonMapper.builder(factory);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	static final class HtmlSafeEscapes extends CharacterEscapes {

		private final int[] escapes;

		HtmlSafeEscapes() {
			int[] codes = standardAsciiEscapesForJSON();
			for (char c : new char[] { '<', '>', '&', '\'' }) {
				codes[c] = ESCAPE_STANDARD;
			}
			this.escapes = codes;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return this.escapes;
		}

		@Override
		public SerializableString getEscapeSequence(int ch) {
			throw new UnsupportedOperationException("only standard escapes are used");
		}

	}

}
