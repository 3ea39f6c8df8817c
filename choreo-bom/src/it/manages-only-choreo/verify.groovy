// Spring Boot's and Spring Cloud's versions do not leak through the BOM
File log = new File(basedir, 'build.log')
assert log.text.contains("'dependencies.dependency.version' for org.springframework.kafka:spring-kafka:jar is missing")
