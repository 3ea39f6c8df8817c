// On Spring Boot 3 both of Choreo's test annotations fail the test class with Choreo's message,
// not with a class of Spring Boot 4 that cannot load; the auto-configuration refuses a context
// that imports it, and its failure analysis is in the log.
def message = 'Choreo 0.1 supports Spring Boot 4.0 and 4.1; this application uses Spring Boot 3.5.7.' +
        ' Upgrade the application to Spring Boot 4.0 or 4.1, or remove choreo-spring-boot-starter from its test dependencies.'
def reports = new File(basedir, 'target/surefire-reports')
def report = { String test -> new File(reports, "app.${test}.txt").text }

['FullContextTests', 'SliceTests'].each { test ->
    def text = report(test)
    println "boot3-app: $test:\n$text"
    assert text =~ /Tests run: \d+, Failures: \d+, Errors: [1-9]/ || text =~ /Tests run: \d+, Failures: [1-9]/ : "$test did not fail"
    def firstException = text.readLines().find { it =~ /^[a-zA-Z_$][\w.$]*(Exception|Error)(: |$)/ }
    assert firstException != null : "$test reported no exception"
    assert firstException.contains(message) : "$test failed first with: $firstException"
    assert !(firstException =~ /ClassNotFoundException|NoClassDefFoundError|TypeNotPresentException/)
}

def auto = report('manual.AutoConfigurationTests')
assert auto =~ /Tests run: 1, Failures: 0, Errors: 0/ : "the auto-configuration did not refuse the context as expected:\n$auto"

def log = new File(basedir, 'build.log').text
assert log.contains('APPLICATION FAILED TO START') : 'no failure analysis in the build log'
assert log.contains("Description:${System.lineSeparator()}${System.lineSeparator()}$message") : 'the failure analysis does not give the message'
return true
