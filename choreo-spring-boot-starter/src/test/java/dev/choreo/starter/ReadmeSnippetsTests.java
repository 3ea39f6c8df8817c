package dev.choreo.starter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet in the README compiles as it stands, imports included, against what
 * the starter puts on a test class path (plus the broker clients and web test support an
 * application brings itself), so a newcomer can paste it.
 */
class ReadmeSnippetsTests {

	private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TYPE_NAME = Pattern.compile(
			"^(?:public\\s+)?(?:final\\s+)?(?:class|interface|record|@interface|enum)\\s+(\\w+)", Pattern.MULTILINE);

	@TempDir
	Path classes;

	@Test
	void everyJavaSnippetInTheReadmeCompilesWithItsImports() throws IOException {
		List<String> snippets = snippets(Files.readString(readme(), StandardCharsets.UTF_8));
		assertThat(snippets).as("Java snippets in the README").hasSizeGreaterThanOrEqualTo(3);
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < snippets.size(); i++) {
			String snippet = snippets.get(i);
			Matcher name = TYPE_NAME.matcher(snippet);
			if (!name.find()) {
				problems.add("snippet " + (i + 1) + " declares no class, so it cannot be pasted as it is:\n" + snippet);
				continue;
			}
			problems.addAll(compile(i + 1, name.group(1), snippet));
		}
		assertThat(problems).as("README snippets that do not compile").isEmpty();
	}

	private List<String> compile(int number, String typeName, String source) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + typeName + ".java"),
				JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return source;
			}

		};
		List<String> options = List.of("-proc:none", "-d", this.classes.resolve("s" + number).toString(), "-cp",
				System.getProperty("java.class.path"));
		boolean compiled = compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
		List<String> problems = new ArrayList<>();
		if (!compiled) {
			for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
				if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
					problems.add("snippet " + number + " (" + typeName + "), line " + diagnostic.getLineNumber() + ": "
							+ diagnostic.getMessage(Locale.ROOT));
				}
			}
		}
		return problems;
	}

	static List<String> snippets(String markdown) {
		List<String> snippets = new ArrayList<>();
		Matcher block = JAVA_BLOCK.matcher(markdown);
		while (block.find()) {
			snippets.add(block.group(1));
		}
		return snippets;
	}

	private static Path readme() {
		Path here = Path.of("").toAbsolutePath();
		for (Path dir = here; dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("choreo-core"))) {
				return dir.resolve("README.md");
			}
		}
		throw new IllegalStateException("No project README.md above " + here);
	}

}
