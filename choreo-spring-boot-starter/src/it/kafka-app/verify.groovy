// The starter may add Choreo's own auto-configurations and beans to the service's existing test,
// and nothing else: the same auto-configurations match, the same ones do not, the same beans exist.
def without = new File(basedir, 'target/context-without-choreo.txt')
def with = new File(basedir, 'target/context-with-choreo.txt')
assert without.isFile() : "the test without the starter wrote no $without"
assert with.isFile() : "the test with the starter wrote no $with"
def before = without.readLines() as Set
def after = with.readLines() as Set
def choreo = { String line -> line.toLowerCase().contains('choreo') }
def added = (after - before).findAll { !choreo(it) }
def removed = before - after
println "kafka-app: ${before.size()} lines without the starter, ${after.size()} with it"
println "kafka-app: added by the starter, Choreo's own: ${(after - before).findAll(choreo)}"
if (added || removed) {
    println "kafka-app: the starter changed the service's own test context"
    added.sort().each { println "  + $it" }
    removed.sort().each { println "  - $it" }
}
assert added.isEmpty() && removed.isEmpty() : "the starter changed the service's own test context: ${added.size()} added, ${removed.size()} removed (listed above)"
assert before.any { it.startsWith('matched ') && it.contains('KafkaAutoConfiguration') } : 'the fixture did not even configure Kafka'
return true
