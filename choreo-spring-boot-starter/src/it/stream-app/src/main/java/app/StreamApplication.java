package app;

import java.util.Map;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class StreamApplication {

	public static void main(String[] args) {
		SpringApplication.run(StreamApplication.class, args);
	}

	@Bean
	Function<Map<String, Object>, Map<String, Object>> shout() {
		return (word) -> Map.of("id", word.get("id"), "word", String.valueOf(word.get("word")).toUpperCase());
	}

}
