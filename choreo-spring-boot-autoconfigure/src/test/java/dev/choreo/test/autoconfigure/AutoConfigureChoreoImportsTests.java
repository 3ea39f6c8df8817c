package dev.choreo.test.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every auto-configuration {@code @AutoConfigureChoreo} imports, and every class Choreo's
 * auto-configurations order themselves after or before by name, exists on the Spring Boot
 * line the build uses, so a Boot that moves one fails here rather than silently dropping
 * it for users. Modules whose jars would change other tests are looked up in copies the
 * build makes ({@code target/imported-modules}).
 */
class AutoConfigureChoreoImportsTests {

	private static final String IMPORTS = "META-INF/spring/dev.choreo.test.autoconfigure.AutoConfigureChoreo.imports";

	@Test
	void everyImportedAutoConfigurationExists() throws IOException {
		List<String> imports = imports();
		assertThat(imports).contains("org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration");
		try (URLClassLoader classLoader = importedModules()) {
			assertThat(imports).allSatisfy((name) -> assertThat(ClassUtils.isPresent(className(name), classLoader))
				.as("%s is on the class path", className(name))
				.isTrue());
		}
	}

	@Test
	void everyClassChoreosAutoConfigurationsAreOrderedAgainstExists() throws Exception {
		List<String> names = new ArrayList<>();
		for (String name : imports()) {
			if (name.startsWith("dev.choreo.")) {
				MergedAnnotation<AutoConfiguration> annotation = MergedAnnotations.from(Class.forName(name))
					.get(AutoConfiguration.class);
				if (!annotation.isPresent()) {
					continue;
				}
				names.addAll(List.of(annotation.getStringArray("afterName")));
				names.addAll(List.of(annotation.getStringArray("beforeName")));
			}
		}
		assertThat(names).isNotEmpty();
		try (URLClassLoader classLoader = importedModules()) {
			assertThat(names).allSatisfy(
					(name) -> assertThat(ClassUtils.isPresent(name, classLoader)).as("%s is on the class path", name)
						.isTrue());
		}
	}

	private static String className(String entry) {
		return entry.startsWith("optional:") ? entry.substring("optional:".length()) : entry;
	}

	private static List<String> imports() throws IOException {
		try (InputStream input = AutoConfigureChoreo.class.getClassLoader().getResourceAsStream(IMPORTS)) {
			assertThat(input).isNotNull();
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

	private static URLClassLoader importedModules() throws IOException {
		Path directory = Path.of("target", "imported-modules");
		assertThat(directory).isDirectory();
		try (Stream<Path> jars = Files.list(directory)) {
			URL[] urls = jars.map(AutoConfigureChoreoImportsTests::url).toArray(URL[]::new);
			assertThat(urls).isNotEmpty();
			return new URLClassLoader(urls, AutoConfigureChoreoImportsTests.class.getClassLoader());
		}
	}

	private static URL url(Path jar) {
		try {
			return jar.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
