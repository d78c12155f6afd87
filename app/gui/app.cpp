#include "gui/app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "geo/core/error.h"
#include "geo/report/text_format.h"
#include "gui/basemap_view.h"
#include "gui/i18n.h"
#include "gui/recent_projects.h"

namespace gui {

namespace {


// Shortcuts are taken from GLFW's key events, not ImGui's key state: ImGui 1.86 has no input
// queue, so a press and release within one frame (a quick tap) would never show as pressed.
void on_key(GLFWwindow* window, int key, int, int action, int mods)
{
    if (action != GLFW_PRESS) return;
    auto* ws = static_cast<Workspace*>(glfwGetWindowUserPointer(window));
    const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
    if (ctrl && key == GLFW_KEY_O) ws->pending_shortcuts.push_back(Shortcut::Open);
    const bool shift = (mods & GLFW_MOD_SHIFT) != 0;
    if (ctrl && !shift && key == GLFW_KEY_S) ws->pending_shortcuts.push_back(Shortcut::Save);
    if (ctrl && shift && key == GLFW_KEY_S) ws->pending_shortcuts.push_back(Shortcut::SaveAs);
    if (ctrl && key == GLFW_KEY_Z) ws->pending_shortcuts.push_back(Shortcut::Undo);
    if (ctrl && key == GLFW_KEY_Y) ws->pending_shortcuts.push_back(Shortcut::Redo);
    if (ctrl && key == GLFW_KEY_Q) ws->pending_shortcuts.push_back(Shortcut::Quit);
    // Keys of the unsaved-changes prompt (ignored when it is not shown).
    if (!ctrl && key == GLFW_KEY_S) ws->pending_shortcuts.push_back(Shortcut::PromptSave);
    if (!ctrl && key == GLFW_KEY_D) ws->pending_shortcuts.push_back(Shortcut::PromptDiscard);
    if (key == GLFW_KEY_ESCAPE) ws->pending_shortcuts.push_back(Shortcut::ClearSelection);
}

// The close button: with unsaved changes the window stays and the prompt asks first.
void on_close(GLFWwindow* window)
{
    auto* ws = static_cast<Workspace*>(glfwGetWindowUserPointer(window));
    if (ws->unsaved() && !ws->automated) {
        glfwSetWindowShouldClose(window, GLFW_FALSE);
        ws->request_quit = true;
    }
}

void on_drop(GLFWwindow* window, int count, const char** paths)
{
    auto* ws = static_cast<Workspace*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) ws->open_requests.emplace_back(paths[i]);
}

}  // namespace

App::App(GuiOptions options) : m_options(std::move(options)) {}

App::~App()
{
    m_panels.reset();  // panels may hold workers; they finish before GL goes
    release_map_gpu();  // while the GL context still exists
    m_renderer.reset();
    if (m_window) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        glfwDestroyWindow(m_window);
        glfwTerminate();
    }
}

bool App::init_window()
{
    if (!glfwInit()) {
        std::fprintf(stderr, "parkcap-gui: no display (GLFW could not start: is DISPLAY set? run under xvfb-run "
                             "for a virtual one, or use 'parkcap info' for the headless summary)\n");
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    const bool automated = !m_options.screenshot.empty() || m_options.benchmark_frames > 0;
    if (automated) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    m_window = glfwCreateWindow(m_options.width, m_options.height, "parkcap", nullptr, nullptr);
    if (!m_window) {
        std::fprintf(stderr, "parkcap-gui: cannot open an OpenGL 3.3 core window on this display\n");
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(automated ? 0 : 1);
    glfwSetWindowUserPointer(m_window, &m_ws);
    glfwSetDropCallback(m_window, on_drop);
    glfwSetWindowCloseCallback(m_window, on_close);
    glfwSetKeyCallback(m_window, on_key);  // before ImGui's backend, which chains to it

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // panel layout is ours, not a file in the working folder
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 4;
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_renderer = std::make_unique<render::MapRenderer>();
    m_panels = std::make_unique<Panels>();
    const bool first_screen = m_options.panels == std::vector<std::string>{"all"};  // the default layout
    if (automated && !first_screen) m_panels->show_only(m_options.panels);
    else if (!m_options.panels.empty() && !first_screen) m_panels->show_only(m_options.panels, true);
    // The planner's own layout comes back, except in automated runs and when --panel chose.
    m_remember_layout = !automated && m_options.panels.empty();
    if (m_remember_layout) {
        m_prefs = load_user_prefs();
        m_panels->set_layout(m_prefs.layout);
    }
    // The language: --lang, else the planner's last choice, else the locale (automated runs
    // never read the user's choice, so a screenshot does not depend on who ran it).
    if (m_options.language) set_language(*m_options.language);
    else if (!automated && !m_prefs.language.empty()) set_language(geo::parse_language(m_prefs.language));
    else set_language(geo::language_from_locale());
    m_fonts.add(translation_codepoints());
    m_ws.automated = automated;
    int w = 0, h = 0;
    glfwGetWindowSize(m_window, &w, &h);
    m_ws.camera.set_viewport(w, h);
    m_ws.info("renderer: " + render::MapRenderer::describe());
    return true;
}

int App::run()
{
    if (!init_window()) return 3;
    if (!m_options.open.empty()) m_ws.open_requests.push_back(m_options.open);
    const bool screenshot = !m_options.screenshot.empty();
    int frames_after_load = 0, ready_frames = 0;
    while (!glfwWindowShouldClose(m_window)) {
        if (m_loader.busy() || screenshot || m_options.benchmark_frames > 0) glfwPollEvents();
        else glfwWaitEventsTimeout(0.25);
        frame();
        if (screenshot || m_options.benchmark_frames > 0) {
            if (m_load_failed) return screenshot ? take_screenshot() : 1;
            const bool results = results_ready();
            // The panels compute on workers while frames go on; the wait has a time budget, not
            // a count of frames (a frame is a few milliseconds: thousands of them said nothing).
            if (!m_ws.doc || m_loader.busy()) m_wait_started = std::chrono::steady_clock::now();
            const double waited_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wait_started).count();
            const bool waited_enough = waited_s > 90;
            if (waited_enough && !results && !m_wait_reported) {
                m_ws.error("--screenshot: the panels' results were not ready after 90 s; the picture shows them unfinished");
                m_wait_reported = true;
            }
            // Results that arrived in this frame reach the GPU in the next: wait 3 ready frames.
            ready_frames = (m_ws.doc && !m_loader.busy() && (results || waited_enough)) ? ready_frames + 1 : 0;
            if (++frames_after_load >= 4 && ready_frames >= 3) {
                if (screenshot)
                    std::printf("panels ready after %d frames, %.1f s after loading\n", frames_after_load,
                                std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wait_started).count());
                return screenshot ? take_screenshot() : run_benchmark();
            }
            if (!results) std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    return 0;
}

void App::frame()
{
    poll_loader();
    m_ws.tasks.poll(m_ws);  // results of background work, on this thread
    if (!m_ws.open_requests.empty() && !m_loader.busy() && m_ws.unsaved() && !m_ws.automated && !m_open_confirmed) {
        m_prompt = Prompt::Open;  // ask before the unsaved project is closed
    } else if (!m_ws.open_requests.empty() && !m_loader.busy()) {
        m_open_confirmed = false;
        const std::string path = m_ws.open_requests.front();
        m_ws.open_requests.erase(m_ws.open_requests.begin());
        if (m_ws.doc && !geo::looks_like_project_file(path)) {
            m_ws.info(geo::printf_text(tr("adding layer %s"), path.c_str()));
            m_loader.add_layer(path, *m_ws.doc);
        } else {
            m_ws.info(geo::printf_text(tr("opening %s"), path.c_str()));
            m_started = std::chrono::steady_clock::now();
            m_loader.open(path);
        }
    }
    if (!m_ws.glyphs_wanted.empty()) {
        if (m_fonts.add({m_ws.glyphs_wanted.begin(), m_ws.glyphs_wanted.end()})) m_fonts_dirty = true;
        m_ws.glyphs_wanted.clear();
    }
    if (m_fonts_dirty) {
        m_fonts.rebuild(17.0f);
        m_fonts_dirty = false;
    }
    int w = 0, h = 0, fw = 0, fh = 0;
    glfwGetWindowSize(m_window, &w, &h);
    glfwGetFramebufferSize(m_window, &fw, &fh);
    m_ws.camera.set_viewport(w, h);
    if (m_ws.doc && m_start_view_pending) apply_start_view();
    sync_gpu();
    if (!m_start_view_pending) update_basemap(m_ws);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    shortcuts();
    m_panels->draw(m_ws, m_loader);
    if (m_ws.request_language) {
        set_language(*m_ws.request_language);
        m_ws.request_language.reset();
        if (!m_ws.automated) {  // remembered without touching the rest of the preferences
            UserPrefs stored = load_user_prefs();
            stored.language = m_prefs.language = geo::to_string(language());
            save_user_prefs(stored);
        }
    }
    if (m_remember_layout && !ImGui::IsAnyMouseDown() && m_panels->layout() != m_prefs.layout) {
        m_prefs.layout = m_panels->layout();
        save_user_prefs(m_prefs);
    }
    if (!ImGui::IsAnyItemActive()) m_ws.commit_edits();
    unsaved_prompt();
    password_prompt();
    ImGui::Render();

    draw_map(fw, fh);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (m_ws.request_save) {
        m_ws.request_save = false;
        save_project();
    }
    if (!m_ws.request_save_as.empty()) {
        std::string path = m_ws.request_save_as;
        m_ws.request_save_as.clear();
        if (path.size() < 13 || path.compare(path.size() - 13, 13, ".parkcap.json") != 0) path += ".parkcap.json";
        save_project(path);
    }
    if (m_options.screenshot.empty()) glfwSwapBuffers(m_window);
}

void App::poll_loader()
{
    std::optional<LoadResult> r = m_loader.take();
    if (!r) return;
    if (!r->error.empty()) {
        m_ws.error(r->error);  // what was open stays open
        m_load_failed = true;
        if (!m_ws.automated && (r->error.find("password authentication failed") != std::string::npos ||
                                r->error.find("no password supplied") != std::string::npos))
            m_password_for = r->path;
        return;
    }
    if (m_fonts.add(r->codepoints)) m_fonts_dirty = true;
    if (r->document) {
        release_map_gpu();  // built for the project being closed, against its origin
        m_ws.suitability = {};
        m_ws.tasks.cancel_all();  // their results belong to the project being closed
        m_ws.doc = std::move(r->document);
        m_ws.project_path = geo::looks_like_project_file(r->path) ? r->path : "";
        m_ws.undo.clear();
        m_ws.redo.clear();
        m_ws.mark_saved();
        m_ws.user_acted = false;
        m_ws.committed = m_ws.snapshot();
        m_start_view_pending = true;
        for (const std::string& m : m_ws.doc->load_messages) m_ws.warn(m);
        m_load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
        m_ws.info(geo::printf_text(tr("opened %s (%zu layers, working CRS %s)"), r->path.c_str(), m_ws.doc->views.size(),
                                   m_ws.doc->project.working.crs.describe().c_str()));
        if (!m_ws.project_path.empty()) add_recent_project(m_ws.project_path);
    } else if (r->added_view && m_ws.doc) {
        m_ws.doc->project.layers.push_back(std::move(*r->added_layer));
        r->added_view->layer = m_ws.doc->project.layers.size() - 1;
        m_ws.doc->views.push_back(std::move(*r->added_view));
        m_ws.committed = m_ws.snapshot();
        m_ws.info(geo::printf_text(tr("added %s"), r->path.c_str()));
    }
}

void App::sync_gpu()
{
    if (!m_ws.doc) return;
    for (LayerView& v : m_ws.doc->views) {
        if (!v.uploaded) {
            m_gpu[v.layer] = std::make_unique<render::GpuLayer>(v.mesh);
            v.mesh = {};  // the GPU has it now
            v.uploaded = true;
            v.colours_dirty = true;
        }
        if (v.colours_dirty) {
            v.colours = geo::classify(v.style, *m_ws.doc->layer_of(v).data);
            m_gpu[v.layer]->set_colours(v.colours, v.style.stroke, m_ws.doc->layer_of(v).data->geometry.kind() == geo::GeomKind::Polygon);
            v.colours_dirty = false;
        }
    }
}

void App::apply_start_view()
{
    m_start_view_pending = false;
    Document& doc = *m_ws.doc;
    m_ws.zoom_to_all();
    const geo::Json& extra = doc.project.project.extra;
    if (auto v = extra.find("view"); v != extra.end() && v->contains("centre") && v->contains("metres_per_pixel")) {
        try {
            m_ws.camera.set({(*v)["centre"][0].get<double>(), (*v)["centre"][1].get<double>()},
                            (*v)["metres_per_pixel"].get<double>());
        } catch (const std::exception&) {
            m_ws.warn(tr("the saved view in the project file is not readable; showing everything"));
        }
    }
    if (m_options.view_box) m_ws.zoom_to(*m_options.view_box);
    if (!m_options.view_park.empty()) {
        const int pv = doc.view_with_role(geo::Role::Parks);
        auto park = doc.park_by_name(m_options.view_park);
        if (pv < 0 || !park) {
            m_ws.error("--view: no park named '" + m_options.view_park + "'");
            m_load_failed = true;
        } else {
            const auto& g = doc.layer_of(doc.views[static_cast<size_t>(pv)]).data->geometry;
            m_ws.camera.fit(g.envelope(doc.park_stats[*park].feature), 0.08);
            m_panels->set_park(*park);
        }
    }
}

void App::shortcuts()
{
    const bool typing = ImGui::GetIO().WantTextInput;  // a text field has its own undo and Esc
    for (Shortcut sc : m_ws.pending_shortcuts) {
        switch (sc) {
        case Shortcut::Open: m_ws.request_open_dialog = true; break;
        case Shortcut::Save: m_ws.request_save = true; break;
        case Shortcut::SaveAs: if (m_ws.doc) m_ws.file_request = save_as_request(m_ws); break;
        case Shortcut::Undo: if (!typing) m_ws.undo_edit(); break;
        case Shortcut::Redo: if (!typing) m_ws.redo_edit(); break;
        case Shortcut::ClearSelection: if (!typing && !m_prompt) m_ws.select(-1, -1, false); break;
        case Shortcut::Quit: m_ws.request_quit = true; break;
        case Shortcut::PromptSave: if (m_prompt && !typing) m_prompt_answer = PromptAnswer::Save; break;
        case Shortcut::PromptDiscard: if (m_prompt && !typing) m_prompt_answer = PromptAnswer::Discard; break;
        }
        if (sc == Shortcut::ClearSelection && m_prompt) m_prompt_answer = PromptAnswer::Cancel;
    }
    m_ws.pending_shortcuts.clear();
}

void App::save_project(const std::string& save_as)
{
    if (!m_ws.doc) return;
    Document& doc = *m_ws.doc;
    geo::Project p = geo::project_for_saving(doc.project);  // the chosen working CRS pinned
    // Layers in draw order, each with its style; the view.
    p.layers.clear();
    for (const LayerView& v : doc.views) {
        if (doc.layer_of(v).config.path.empty()) continue;  // computed results have no file
        geo::ProjectLayer l = doc.layer_of(v).config;
        l.extra["style"] = geo::style_to_json(v.style);
        p.layers.push_back(l);
    }
    p.extra["view"] = {{"centre", {m_ws.camera.centre().x, m_ws.camera.centre().y}},
                       {"metres_per_pixel", m_ws.camera.metres_per_pixel()}};
    std::string path = save_as.empty() ? m_ws.project_path : save_as;
    if (path.empty()) {
        path = (std::filesystem::path(doc.layer_of(doc.views.at(0)).data->source).parent_path() / "untitled.parkcap.json").string();
        p.file = path;
    }
    try {
        geo::write_project(p, path);  // layer and table paths written relative to the file's folder
        p.file = path;                 // from now on the project is that file (Save As)
        m_ws.project_path = path;
        doc.project.project = p;
        size_t k = 0;
        for (const LayerView& v : doc.views)
            if (!doc.layer_of(v).config.path.empty()) doc.project.layers[v.layer].config = p.layers[k++];
        m_ws.mark_saved();
        m_ws.info(geo::printf_text(tr("saved %s"), path.c_str()));
        // Attribute edits live in the layers' files, not in the project: say so, never lose them quietly.
        for (size_t k = 0; k < doc.project.layers.size(); ++k)
            if (doc.has_unsaved_attributes(k))
                m_ws.warn(geo::printf_text(tr("the attribute edits of layer '%s' are not in any file yet: Attribute table > Save edits writes them"),
                                           doc.project.layers[k].config.id.c_str()));
    } catch (const std::exception& e) {
        m_ws.error(e.what());
    }
}

}  // namespace gui
