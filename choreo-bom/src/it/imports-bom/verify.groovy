// The fixture compiled against choreo-core resolved through the BOM; the installed BOM is flat
File log = new File(basedir, 'build.log')
assert log.text.contains('BUILD SUCCESS')
File bom = new File(localRepositoryPath, "dev/choreo/choreo-bom/${bomVersion}/choreo-bom-${bomVersion}.pom")
def pom = new groovy.xml.XmlSlurper().parse(bom)
assert pom.parent.size() == 0 : 'the published BOM must not have a parent'
def managed = pom.dependencyManagement.dependencies.dependency
assert managed.every { it.groupId.text() == 'dev.choreo' } : 'the published BOM manages only dev.choreo modules'
assert managed.find { it.artifactId.text() == 'choreo-core' }.version.text() in [bomVersion, '${project.version}']
assert pom.dependencies.size() == 0 : 'the published BOM has no dependencies'
