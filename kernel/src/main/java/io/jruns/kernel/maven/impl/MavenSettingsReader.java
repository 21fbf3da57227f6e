package io.jruns.kernel.maven.impl;

import io.jruns.kernel.maven.ResolutionFailure;
import io.jruns.kernel.maven.ResolverSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Profile;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/** Reads settings.xml (user and global, merged as mvn does) into what a resolver session needs. */
final class MavenSettingsReader {
    private static final Logger LOG = Logger.getLogger(MavenSettingsReader.class.getName());

    /** The parts of the effective settings that matter for resolution. */
    record Effective(Path localRepository, boolean offline, DefaultMirrorSelector mirrors,
            DefaultProxySelector proxies, DefaultAuthenticationSelector authentication,
            List<RemoteRepository> repositories) { }

    private MavenSettingsReader() {
    }

    static Effective read(ResolverSettings cfg) {
        Settings s = load(cfg);
        Path local = cfg.localRepository() != null ? cfg.localRepository()
                : s.getLocalRepository() != null && !s.getLocalRepository().isBlank()
                ? Path.of(s.getLocalRepository()) : ResolverSettings.defaultLocalRepository();
        DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
        for (Mirror m : s.getMirrors()) {
            mirrors.add(m.getId(), m.getUrl(), m.getLayout() == null ? "default" : m.getLayout(), false,
                    m.isBlocked(), m.getMirrorOf(), m.getMirrorOfLayouts());
        }
        DefaultProxySelector proxies = new DefaultProxySelector();
        for (org.apache.maven.settings.Proxy p : s.getProxies()) {
            if (p.isActive()) {
                Authentication auth = p.getUsername() == null ? null
                        : new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword()).build();
                proxies.add(new org.eclipse.aether.repository.Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth),
                        p.getNonProxyHosts());
            }
        }
        DefaultAuthenticationSelector authentication = new DefaultAuthenticationSelector();
        for (Server server : s.getServers()) {
            if (server.getPassword() != null && server.getPassword().startsWith("{")) {
                LOG.warning("settings server '" + server.getId() + "' has an encrypted password, which %maven cannot decrypt");
            }
            authentication.add(server.getId(), new AuthenticationBuilder()
                    .addUsername(server.getUsername()).addPassword(server.getPassword())
                    .addPrivateKey(server.getPrivateKey(), server.getPassphrase()).build());
        }
        return new Effective(local, s.isOffline(), mirrors, proxies, authentication, repositories(s));
    }

    private static Settings load(ResolverSettings cfg) {
        DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
        if (cfg.userSettings() != null && Files.isRegularFile(cfg.userSettings())) {
            request.setUserSettingsFile(cfg.userSettings().toFile());
        }
        if (cfg.globalSettings() != null && Files.isRegularFile(cfg.globalSettings())) {
            request.setGlobalSettingsFile(cfg.globalSettings().toFile());
        }
        request.setSystemProperties(System.getProperties());
        try {
            return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
        } catch (SettingsBuildingException e) {
            String first = e.getProblems().isEmpty() ? e.getMessage() : e.getProblems().get(0).toString();
            throw new ResolutionFailure("cannot read Maven settings: " + first, e);
        }
    }

    /** Repositories of the active profiles (activeProfiles, or activeByDefault). */
    private static List<RemoteRepository> repositories(Settings s) {
        List<RemoteRepository> repos = new ArrayList<>();
        for (Profile p : s.getProfiles()) {
            boolean active = s.getActiveProfiles().contains(p.getId())
                    || (p.getActivation() != null && p.getActivation().isActiveByDefault());
            if (!active) {
                continue;
            }
            for (org.apache.maven.settings.Repository r : p.getRepositories()) {
                repos.add(new RemoteRepository.Builder(r.getId(), r.getLayout() == null ? "default" : r.getLayout(), r.getUrl())
                        .setReleasePolicy(policy(r.getReleases()))
                        .setSnapshotPolicy(policy(r.getSnapshots()))
                        .build());
            }
        }
        return repos;
    }

    private static RepositoryPolicy policy(org.apache.maven.settings.RepositoryPolicy p) {
        boolean enabled = p == null || p.isEnabled();
        return new RepositoryPolicy(enabled, RepositoryPolicy.UPDATE_POLICY_DAILY, RepositoryPolicy.CHECKSUM_POLICY_WARN);
    }
}
